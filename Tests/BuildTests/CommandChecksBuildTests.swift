import Analysis
import GongbuCore
import GongbuTestSupport
import Manifests
import Testing

@testable import Build

/// kubectl commands in a note's code blocks are checked in a build, at the note's line and column.
@Suite("kubectl commands in builds")
struct CommandChecksBuildTests {
    @Test func aPastedLabNoteGetsItsCommandsChecked() {
        let note = """
            # Hello Node 실습

            명령어와 출력을 그대로 붙였다.

            - 목록 안의 블록:

              ```console
              $ kubectl run hello-node \\
                  --image=gcr.io/PROJECT_ID/hello-node:v1 --port=8080 --replicas=2
              pod/hello-node created
              $ kubectl expose deployment hello-node --type="LoadBalancer"
              ```

            ```yaml
            kubectl scale deployment web
            ```
            """
        let (report, _) = TestBuild.inMemory(["content/notes/lab.md": note, "gongbu.yml": "glossary: none\n"])
        #expect(report.succeeded)
        #expect(
            report.diagnostics.filter { $0.rule?.hasPrefix("kubectl-") == true }.map(\.description) == [
                "content/notes/lab.md:9:59: warning: --replicas of 'kubectl run' was removed in kubectl 1.18; use kubectl create deployment NAME --image=IMAGE --replicas=N [kubectl-removed]",
                "content/notes/lab.md:11:31: warning: 'kubectl run hello-node' makes a Pod since kubectl 1.18, not a Deployment, so there is no deployment 'hello-node' here; make one with 'kubectl create deployment hello-node --image=gcr.io/PROJECT_ID/hello-node:v1 --port=8080' [kubectl-run-pod]",
            ])
        // Strict sites fail on them, as on a broken manifest example.
        let (strict, _) = TestBuild.inMemory(["content/notes/lab.md": note, "gongbu.yml": "glossary: none\nstrict: true\n"])
        #expect(!strict.succeeded)
    }

    /// The 2019 lab note, pasted from a blog without fences: the program, the
    /// Dockerfile and the commands with their output are code again, so `FROM node:6.9.2` is
    /// not linked to the Node concept, and the commands tell the story `run` tells today.
    @Test func aNotePastedWithoutFences() throws {
        let note = """
            ---
            title: 헬로 노드
            date: 2019-02-14
            ---
            Node.js 앱을 만든다.
            var http = require('http');
            var handleRequest = function(request, response) {
              response.writeHead(200);
              response.end('Hello World!');
            };
            http.createServer(handleRequest).listen(8080);
            Dockerfile은 다음과 같다.
            FROM node:6.9.2
            EXPOSE 8080
            COPY server.js .
            CMD node server.js
            이제 클러스터에 올린다.
            $ kubectl run hello-node \\
                --image=gcr.io/PROJECT_ID/hello-node:v1 \\
                --port=8080
            deployment "hello-node" created
            kubectl expose deployment hello-node --type="LoadBalancer"
            kubectl scale deployment hello-node --replicas=4
            파드가 네 개로 늘어나는지 본다.
            """
        let (report, output) = TestBuild.inMemory(["content/hello.md": note])
        #expect(
            report.diagnostics.filter { $0.rule?.hasPrefix("kubectl-") == true }.map(\.description) == [
                "content/hello.md:22:27: warning: 'kubectl run hello-node' makes a Pod since kubectl 1.18, not a Deployment, so there is no deployment 'hello-node' here; make one with 'kubectl create deployment hello-node --image=gcr.io/PROJECT_ID/hello-node:v1 --port=8080' [kubectl-run-pod]",
                "content/hello.md:23:26: warning: 'kubectl run hello-node' makes a Pod since kubectl 1.18, not a Deployment, so there is no deployment 'hello-node' here; make one with 'kubectl create deployment hello-node --image=gcr.io/PROJECT_ID/hello-node:v1 --port=8080' [kubectl-run-pod]",
            ])
        let page = String(decoding: try #require(output["hello/index.html"]), as: UTF8.self)
        #expect(page.contains("class=\"language-javascript\""))
        #expect(page.contains("class=\"language-dockerfile\""))
        #expect(page.contains("class=\"language-console\""))
        // The Dockerfile's `node` is an image, not the Node concept; the prose still links.
        let dockerfile = try #require(page.range(of: "language-dockerfile")).upperBound
        let afterDockerfile = page[dockerfile...]
        #expect(!afterDockerfile.prefix(400).contains("data-concept"))
        // The box above the note: when it was written, the Kubernetes of then, what differs now,
        // each item linking to its line, which is marked.
        #expect(page.contains("<p>2019년 2월 14일에 쓴 노트입니다. 그때 쿠버네티스는 1.13이었습니다. 지금의 쿠버네티스(1.37)와 다른 점 2가지:</p>"))
        #expect(
            page.contains("<li><a href=\"#aged-L22\">22번째 줄</a>: kubectl 1.18부터 &#39;kubectl run hello-node&#39;은(는) 디플로이먼트가 아니라 파드를 만들므로"))
        #expect(page.contains("<span class=\"line aged\" id=\"aged-L22\">"))
        #expect(page.contains("<span class=\"line aged\" id=\"aged-L23\">"))
        #expect(!page.contains("data-concept=\"node\""))
        #expect(page.contains("data-concept=\"pod\""))
        // What `run` makes today, in YAML, under the commands; the exposes have no Deployment to read.
        #expect(page.components(separatedBy: "<details class=\"declarative\">").count == 2)
        #expect(page.contains("선언형으로 보기: <code>Pod/hello-node</code> <span class=\"badge badge-valid\">검증 통과</span>"))
    }

    /// `gongbu validate` reports the same commands, as errors, in every output format.
    @Test func validateReportsCommandsInEveryFormat() throws {
        let fileSystem = InMemoryFileSystem()
        try fileSystem.writeString("```bash\nkubectl scale deployment web --replica=3\n```\n", to: "/notes/lab.md")
        let run = ValidationRun(fileSystem: fileSystem, paths: ["/notes"], displayBase: "/notes", options: ValidationOptions())
        let report = run.run()
        #expect(!report.succeeded)
        #expect(
            report.problems.map(\.description) == [
                "lab.md:2:9: error: 'kubectl scale' needs --replicas [kubectl-required]",
                "lab.md:2:30: error: 'kubectl scale' has no flag --replica (did you mean --replicas?) [kubectl-flag]",
            ])
        #expect(report.tap().contains("1..2\nnot ok 1 - lab.md:2:9 [kubectl-required]"))
        #expect(report.junit().contains("<testsuite name=\"other checks\" tests=\"2\" failures=\"2\""))
        // An older kubectl: the same rules, its own flags.
        let old = ValidationRun(
            fileSystem: fileSystem, paths: ["/notes"], displayBase: "/notes", options: ValidationOptions(version: "1.20"))
        #expect(old.run().problems.count == 2)
    }

    /// Output pasted from an older cluster names a group that no longer serves the resource.
    @Test func outputFromAnOlderClusterIsNamed() {
        let note =
            "# 예전 실습\n\n```console\n$ kubectl apply -f web.yaml\ndeployment.extensions/web created\nservice/web created\ndeployment.apps/api created\n```\n"
        let (report, _) = TestBuild.inMemory(["content/notes/old.md": note, "gongbu.yml": "glossary: none\n"])
        #expect(
            report.diagnostics.filter { $0.rule == "kubectl-output" }.map(\.description) == [
                "content/notes/old.md:5:1: warning: this output is from an older Kubernetes: Deployment in the 'extensions' group was last served in 1.17; today it reads 'deployment.apps/web created' [kubectl-output]"
            ])
    }

    /// An old API version in running text: a manifest's line or kubectl's name of an object in
    /// inline code; a bare group version (history being told) is left alone.
    @Test func oldAPIVersionsInProse() {
        let note =
            "# 메모\n\n예전에는 `apiVersion: extensions/v1beta1`를 썼고 `deployment.extensions/web`처럼 나왔다. `apiVersion: apps/v1`은 지금도 쓴다. `extensions/v1beta1`은 1.16에서 빠졌다.\n"
        let (report, _) = TestBuild.inMemory(["content/notes/prose.md": note, "gongbu.yml": "glossary: none\n"])
        #expect(
            report.diagnostics.map(\.description) == [
                "content/notes/prose.md:3:7: warning: apiVersion 'extensions/v1beta1' is not served by Kubernetes 1.37 [api-version]",
                "content/notes/prose.md:3:44: warning: 'deployment.extensions/web' is from an older Kubernetes: Deployment in the 'extensions' group was last served in 1.17; today it is 'deployment.apps/web' [kubectl-output]",
            ])
    }

    /// A command in inline code is checked word by word, at its place in the line; a command
    /// named in passing needs neither its required flags nor its flags' values.
    @Test func commandsInInlineCode() {
        let note = "# 메모\n\n`kubectl scale` 명령과 `kubectl apply -f` 를 쓴다. 예: `kubectl scale deploy web --replica=3`.\n"
        let (report, _) = TestBuild.inMemory(["content/notes/inline.md": note, "gongbu.yml": "glossary: none\n"])
        #expect(
            report.diagnostics.filter { $0.rule?.hasPrefix("kubectl-") == true }.map(\.description) == [
                "content/notes/inline.md:3:75: warning: 'kubectl scale' has no flag --replica (did you mean --replicas?) [kubectl-flag]"
            ])
    }
}
