import Foundation

/// Which Kubernetes releases served each `apiVersion` of each built-in kind, derived from the
/// OpenAPI schemas of every release kubernetes-validate has shipped
/// (`scripts/generate-api-history.py`).
///
/// The JSON has the releases read (`versions`, oldest first) and, for each
/// `group/version/Kind` (`extensions/v1beta1/Deployment`), the first and last release whose
/// schema has it and, when a schema's description calls it deprecated, the first such release
/// and the apiVersion it names instead (`by`). A schema also lists groups a release compiles in
/// but no longer serves by default, so "last" can be a release or two after the one whose
/// release notes announce the removal.
public struct APIHistory: Sendable, Decodable {
    public struct Entry: Sendable, Decodable {
        public var first: String
        public var last: String
        public var deprecated: String?
        public var by: String?
    }

    public var versions: [String]
    public var apis: [String: Entry]

    public static let shared: APIHistory = {
        do {
            return try JSONDecoder().decode(APIHistory.self, from: Data(json.utf8))
        } catch {
            fatalError("the embedded API history does not decode: \(error)")
        }
    }()

    public func entry(apiVersion: String, kind: String) -> Entry? { apis[apiVersion + "/" + kind] }

    /// The first release after `entry.last` the history knows, the one without it.
    public func goneIn(_ entry: Entry) -> String? {
        guard let index = versions.firstIndex(of: entry.last), index + 1 < versions.count else { return nil }
        return versions[index + 1]
    }
}
