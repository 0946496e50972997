import Foundation

/// Filters for reading the audit log, newest first.
///
/// Paging is by key: pass the previous page's `nextCursor` as `before` to get the events
/// with a lower sequence number.
public struct AuditQuery: Sendable, Equatable {
  /// Events whose real or assumed actor is this identity.
  public var actor: String?
  public var action: String?
  public var subject: String?
  /// Events at or after this time.
  public var since: Date?
  /// Events with a sequence number below this one.
  public var before: Int64?
  /// The maximum number of events in one page.
  public var limit: Int

  public init(actor: String? = nil, action: String? = nil, subject: String? = nil,
              since: Date? = nil, before: Int64? = nil, limit: Int = 100) {
    self.actor = actor
    self.action = action
    self.subject = subject
    self.since = since
    self.before = before
    self.limit = limit
  }
}

/// One page of events, newest first.
public struct AuditPage: Sendable, Equatable {
  public var events: [AuditEvent]
  /// The `before` value for the next page; nil when this page is the last.
  public var nextCursor: Int64?
}
