/// The store's schema, one migration per capability, applied in version order.
///
/// Each capability keeps its tables in its own `Schema+Topic.swift` file.
public enum Schema {
  public static let migrations: [Migration] = [
    graphMigration,
    governanceMigration,
    executionMigration,
    remediationMigration,
    sourceStampsMigration,
    approvalWithdrawalMigration,
  ]
}
