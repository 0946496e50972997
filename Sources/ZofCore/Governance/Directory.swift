/// Users and groups from the catalog, for resolving which groups a user belongs to.
///
/// Membership comes from a User's `spec.memberOf` and a Group's `spec.members`; the group
/// hierarchy from a Group's `spec.parent` and `spec.children`. A user belongs to its groups
/// and, transitively, to all their parents. References follow Backstage's rules: the
/// default kind is `group` (`user` for `members`) and the default namespace is that of the
/// entity that holds the reference.
public struct Directory: Sendable {
  private var directGroups: [EntityRef: Set<EntityRef>] = [:]
  private var parents: [EntityRef: Set<EntityRef>] = [:]

  public init(entities: [Entity]) {
    for entity in entities {
      switch entity.kind.lowercased() {
      case "user":
        for group in refs(entity, "memberOf", defaultKind: "group") {
          directGroups[entity.ref, default: []].insert(group)
        }
      case "group":
        for parent in refs(entity, "parent", defaultKind: "group") {
          parents[entity.ref, default: []].insert(parent)
        }
        for child in refs(entity, "children", defaultKind: "group") {
          parents[child, default: []].insert(entity.ref)
        }
        for member in refs(entity, "members", defaultKind: "user") {
          directGroups[member, default: []].insert(entity.ref)
        }
      default:
        continue
      }
    }
  }

  /// Returns every group `user` belongs to, directly or through parent groups.
  public func groups(of user: EntityRef) -> Set<EntityRef> {
    var found: Set<EntityRef> = []
    var pending = Array(directGroups[user] ?? [])
    while let group = pending.popLast() {
      guard found.insert(group).inserted else { continue }
      pending.append(contentsOf: parents[group] ?? [])
    }
    return found
  }

  /// Returns whether `user` is `owner` itself (owners may be users) or a member of it.
  public func belongs(_ user: EntityRef, to owner: EntityRef) -> Bool {
    user == owner || groups(of: user).contains(owner)
  }

  private func refs(_ entity: Entity, _ field: String, defaultKind: String) -> [EntityRef] {
    let texts = entity.spec?[field]?.strings ?? []
    return texts.compactMap {
      EntityRef(parsing: $0, defaultKind: defaultKind, defaultNamespace: entity.namespace)
    }
  }
}
