// The smallest Swift program that shows the console's first page. It starts the runtime and
// Foundation, opens the store with SQLite's C interface, and prints the newest 200 audit
// events. The console benchmark times it beside the sqlite3 shell, to show how much of the
// console's start-up any Swift program pays before doing its own work.
//
// Usage: ZofStartFloor STORE
import CSQLite
import Foundation

guard CommandLine.arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: ZofStartFloor STORE\n".utf8))
  exit(2)
}

var database: OpaquePointer?
guard sqlite3_open_v2(CommandLine.arguments[1], &database, SQLITE_OPEN_READONLY, nil)
  == SQLITE_OK
else {
  FileHandle.standardError.write(Data("cannot open \(CommandLine.arguments[1])\n".utf8))
  exit(2)
}

var statement: OpaquePointer?
let page = """
  SELECT seq, time, actor, action, subject, decision FROM audit_events
  ORDER BY seq DESC LIMIT 200
  """
guard sqlite3_prepare_v2(database, page, -1, &statement, nil) == SQLITE_OK else {
  FileHandle.standardError.write(Data("no audit_events table in the store\n".utf8))
  exit(2)
}

var output = ""
while sqlite3_step(statement) == SQLITE_ROW {
  let columns = (0..<Int32(6)).map { column in
    sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
  }
  output += columns.joined(separator: "|") + "\n"
}
sqlite3_finalize(statement)
sqlite3_close(database)
FileHandle.standardOutput.write(Data(output.utf8))
