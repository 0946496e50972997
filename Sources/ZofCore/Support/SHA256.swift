import COpenSSL

/// SHA-256 digests through libcrypto's EVP interface (OpenSSL 3).
public enum SHA256 {
  /// Returns the lowercase hex digest of `bytes`.
  public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    hexString(digest(Array(bytes)))
  }

  /// Returns the lowercase hex digest of the UTF-8 encoding of `text`.
  public static func hex(_ text: String) -> String {
    hex(Array(text.utf8))
  }

  /// Returns the 32-byte digest of `bytes`.
  public static func digest(_ bytes: [UInt8]) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let status = bytes.withUnsafeBytes { input in
      EVP_Digest(input.baseAddress, input.count, &output, &length, EVP_sha256(), nil)
    }
    // EVP_Digest fails only when the digest cannot be allocated, which is not recoverable.
    precondition(status == 1, "EVP_Digest(sha256) failed")
    return output
  }

  /// Formats bytes as lowercase hex.
  public static func hexString(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// An incremental SHA-256 for streams too large to hold in memory.
public final class SHA256Hasher {
  private let context: OpaquePointer
  /// The algorithm fetched once, because `EVP_sha256()` makes OpenSSL 3 look the
  /// implementation up again on every `EVP_DigestInit_ex`.
  private let algorithm: OpaquePointer

  public init() {
    guard let context = EVP_MD_CTX_new(), let algorithm = EVP_MD_fetch(nil, "SHA256", nil) else {
      preconditionFailure("EVP_MD_CTX_new or EVP_MD_fetch(SHA256) failed")
    }
    self.context = context
    self.algorithm = algorithm
    precondition(EVP_DigestInit_ex(context, algorithm, nil) == 1, "EVP_DigestInit_ex failed")
  }

  deinit {
    EVP_MD_CTX_free(context)
    EVP_MD_free(algorithm)
  }

  /// Adds `bytes` to the digest.
  public func update(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count > 0 else { return }
    precondition(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1)
  }

  /// Adds `bytes` to the digest.
  public func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Starts a new digest, discarding any input added since the last reset.
  public func reset() {
    precondition(EVP_DigestInit_ex(context, algorithm, nil) == 1, "EVP_DigestInit_ex failed")
  }

  /// Finishes the digest into the first 32 bytes of `output`; call `reset()` before reusing
  /// the hasher.
  public func finalize(into output: UnsafeMutableBufferPointer<UInt8>) {
    precondition(output.count >= 32, "a SHA-256 digest needs 32 bytes")
    var length: UInt32 = 0
    precondition(EVP_DigestFinal_ex(context, output.baseAddress, &length) == 1)
  }

  /// Finishes the digest and returns it as lowercase hex; call `reset()` before reusing it.
  public func finalizeHex() -> String {
    var output = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    precondition(EVP_DigestFinal_ex(context, &output, &length) == 1)
    return SHA256.hexString(output)
  }
}
