import Foundation
import Testing
@testable import ZofCore

struct WorkspaceTests {
  @Test func discoversNearestFolderUpward() throws {
    let folder = TemporaryFolder("ws")
    folder.write("zof.yaml", "catalog: [catalog-info.yaml]\n")
    folder.write("services/refunds/src/.keep", "")
    let found = try Workspace.discover(explicit: nil, environment: [:],
                                       currentDirectory: folder.file("services/refunds/src"))
    #expect(found.root == folder.path)
    #expect(found.storePath == folder.file(".zof/zof.db"))
    #expect(found.logPath == folder.file(".zof/zof.log"))
  }

  @Test func explicitFolderWinsOverEnvironment() throws {
    let first = TemporaryFolder("ws")
    let second = TemporaryFolder("ws")
    first.write("zof.yaml", "store: a.db\n")
    second.write("zof.yaml", "store: b.db\n")
    let fromEnvironment = try Workspace.discover(
      explicit: nil, environment: ["ZOF_WORKSPACE": second.path], currentDirectory: first.path)
    let explicit = try Workspace.discover(
      explicit: first.path, environment: ["ZOF_WORKSPACE": second.path],
      currentDirectory: "/")
    #expect(fromEnvironment.config.store == "b.db")
    #expect(explicit.config.store == "a.db")
  }

  @Test func missingWorkspaceSaysWhatToDo() throws {
    let folder = TemporaryFolder("empty")
    do {
      _ = try Workspace.discover(explicit: nil, environment: [:], currentDirectory: folder.path)
      Issue.record("expected an error")
    } catch let error as InputError {
      #expect(error.hint?.contains("zof init") == true)
    }
  }

  @Test func unknownSettingIsNamedWithSuggestion() throws {
    do {
      _ = try WorkspaceConfig.parse("catalog: [a.yaml]\nstroe: x.db\n", file: "zof.yaml")
      Issue.record("expected an error")
    } catch let error as InputError {
      #expect(error.message == "unknown setting `stroe` in zof.yaml")
      #expect(error.location?.line == 2)
      #expect(error.hint == "did you mean `store`?")
    }
  }

  @Test func templateParses() throws {
    let config = try WorkspaceConfig.parse(WorkspaceConfig.template, file: "zof.yaml")
    #expect(config.catalog == ["catalog-info.yaml"])
    #expect(config.environment == "ci")
    #expect(config.store == ".zof/zof.db")
  }

  @Test func readsEverySetting() throws {
    let config = try WorkspaceConfig.parse("""
      repository: ../repo
      catalog: services/*/catalog-info.yaml
      kubernetes: [k8s]
      store: state/z.db
      policy: policy:default/main
      theme: light
      environment: staging
      readonly: yes
      pullRequest:
        command: gh pr create --fill
      """, file: "zof.yaml")
    #expect(config.repository == "../repo")
    #expect(config.catalog == ["services/*/catalog-info.yaml"])
    #expect(config.kubernetes == ["k8s"])
    #expect(config.policy == "policy:default/main")
    #expect(config.readonly)
    #expect(config.pullRequestCommand == "gh pr create --fill")
  }
}
