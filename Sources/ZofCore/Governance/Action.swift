/// An operation an actor may attempt. Every attempt goes through `Authorizer.authorize`.
public enum Action: String, Sendable, CaseIterable {
  case view
  case runStart = "run.start"
  case remediationPropose = "remediation.propose"
  case remediationApprove = "remediation.approve"
  case remediationReject = "remediation.reject"
  case quarantineApprove = "quarantine.approve"
  case releaseSignoff = "release.signoff"
  case catalogImport = "catalog.import"
  /// Acting as another user with `--as`.
  case impersonate = "identity.impersonate"

  /// Whether the action decides an approval request, which agents may never do.
  public var decidesApproval: Bool {
    switch self {
    case .remediationApprove, .remediationReject, .quarantineApprove, .releaseSignoff: true
    default: false
    }
  }
}
