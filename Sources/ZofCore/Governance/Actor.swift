import Foundation

/// Someone or something that acts in Zof: a person, or an agent working for one.
///
/// Ids are written like entity references: `user:default/alice` for a user,
/// `fleet:api/worker-2` for a fleet worker and `remediator:revert` for a remediator.
/// Ids are lowercased, as entity references are.
public struct Actor: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case user
    case fleetWorker = "fleet"
    case remediator
  }

  public let kind: Kind
  /// The full id, such as `user:default/alice`.
  public let id: String

  private init(kind: Kind, id: String) {
    self.kind = kind
    self.id = id.lowercased()
  }

  /// Returns a user in the catalog's `namespace`.
  public static func user(_ login: String, namespace: String = "default") -> Actor {
    Actor(kind: .user, id: "user:\(namespace)/\(login)")
  }

  /// Worker `worker` of the fleet named `fleet`.
  public static func fleetWorker(fleet: String, worker: Int) -> Actor {
    Actor(kind: .fleetWorker, id: "fleet:\(fleet)/worker-\(worker)")
  }

  public static func remediator(_ name: String) -> Actor {
    Actor(kind: .remediator, id: "remediator:\(name)")
  }

  /// Parses an id; a bare login such as `alice` is taken as `user:default/alice`.
  public init(parsing text: String) throws {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let lowered = trimmed.lowercased()
    if lowered.hasPrefix("fleet:") {
      let parts = lowered.dropFirst("fleet:".count).split(separator: "/")
      guard parts.count == 2, parts[1].hasPrefix("worker-"), !parts[0].isEmpty else {
        throw InputError("invalid fleet worker id \"\(text)\"",
                         hint: "write fleet:NAME/worker-N, for example fleet:api/worker-2")
      }
      self.init(kind: .fleetWorker, id: lowered)
    } else if lowered.hasPrefix("remediator:") {
      let name = lowered.dropFirst("remediator:".count)
      guard !name.isEmpty, !name.contains("/") else {
        throw InputError("invalid remediator id \"\(text)\"", hint: "write remediator:NAME")
      }
      self.init(kind: .remediator, id: lowered)
    } else {
      guard let ref = EntityRef(parsing: trimmed, defaultKind: "user"), ref.kind == "user"
      else {
        throw InputError("invalid user \"\(text)\"",
                         hint: "write a login such as alice, or user:NAMESPACE/LOGIN")
      }
      self.init(kind: .user, id: ref.description)
    }
  }

  /// Returns the user running this process, from the effective uid's password entry.
  public static func currentUser() throws -> Actor {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else {
      throw OperationError("getpwuid", "no user name for uid \(geteuid())")
    }
    return .user(String(cString: name))
  }

  /// Whether this is a fleet worker or a remediator rather than a person.
  public var isAgent: Bool { kind != .user }

  /// The catalog reference of a user; nil for agents.
  public var userRef: EntityRef? {
    kind == .user ? EntityRef(parsing: id) : nil
  }

  public var description: String { id }
}
