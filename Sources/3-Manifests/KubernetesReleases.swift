/// When each minor release of Kubernetes came out, to tell which one was current when a note
/// was written (a note of 2019-02 was written for 1.13).
///
/// The dates are the releases' announcements on the Kubernetes blog
/// (https://kubernetes.io/blog/, "Kubernetes v1.NN: …") and their changelogs
/// (https://github.com/kubernetes/kubernetes/tree/master/CHANGELOG); 1.37's is the date the
/// release team's schedule planned (late August 2026). Add a row with each release.
public enum KubernetesReleases {
    public static let dates: [(version: String, date: String)] = [
        ("1.0", "2015-07-21"), ("1.1", "2015-11-09"), ("1.2", "2016-03-16"), ("1.3", "2016-07-06"), ("1.4", "2016-09-26"),
        ("1.5", "2016-12-12"), ("1.6", "2017-03-28"), ("1.7", "2017-06-29"), ("1.8", "2017-09-28"), ("1.9", "2017-12-15"),
        ("1.10", "2018-03-26"), ("1.11", "2018-06-27"), ("1.12", "2018-09-27"), ("1.13", "2018-12-03"), ("1.14", "2019-03-25"),
        ("1.15", "2019-06-19"), ("1.16", "2019-09-18"), ("1.17", "2019-12-09"), ("1.18", "2020-03-25"), ("1.19", "2020-08-26"),
        ("1.20", "2020-12-08"), ("1.21", "2021-04-08"), ("1.22", "2021-08-04"), ("1.23", "2021-12-07"), ("1.24", "2022-05-03"),
        ("1.25", "2022-08-23"), ("1.26", "2022-12-09"), ("1.27", "2023-04-11"), ("1.28", "2023-08-15"), ("1.29", "2023-12-13"),
        ("1.30", "2024-04-17"), ("1.31", "2024-08-13"), ("1.32", "2024-12-11"), ("1.33", "2025-04-23"), ("1.34", "2025-08-27"),
        ("1.35", "2025-12-17"), ("1.36", "2026-04-22"), ("1.37", "2026-08-26"),
    ]

    /// The newest release out on `date` (`YYYY-MM-DD`); nil before 1.0.
    public static func current(on date: String) -> String? {
        dates.last { $0.date <= date }?.version
    }
}
