import Markdown
import Testing

/// Code pasted without fences, found in paragraphs and made code blocks again.
@Suite("Pasted code")
struct PastedCodeTests {
    /// The blocks of a parse, as `p:` (a paragraph's text) or `code(lang):` (a block's text).
    func blocks(_ markdown: String) -> [String] {
        let document = MarkdownDocument(parsing: markdown, extensions: .notes)
        return document.root.children.map { node in
            switch node.kind {
            case .codeBlock: "code(\(node.fenceInfo)): " + (node.literal ?? "")
            case .paragraph: "p: " + node.plainText
            default: "\(node.kind)"
            }
        }
    }

    @Test(arguments: [
        // Commands, their continuations and output: one block; a prompt makes it `console`.
        (
            "$ kubectl run web \\\n    --image=nginx\npod/web created\nkubectl get pods",
            ["code(console): $ kubectl run web \\\n    --image=nginx\npod/web created\nkubectl get pods\n"]
        ),
        ("kubectl get pods -o wide", ["code(shell): kubectl get pods -o wide\n"]),
        // Prose before and after stays prose, with its own lines.
        (
            "아래처럼 실행한다.\ndocker run -d -p 8080:80 nginx\ndocker ps\n위 명령으로 확인한다.",
            ["p: 아래처럼 실행한다.", "code(shell): docker run -d -p 8080:80 nginx\ndocker ps\n", "p: 위 명령으로 확인한다."]
        ),
        // A Korean comment after a command is still a command.
        ("kubectl get pods # 파드 목록", ["code(shell): kubectl get pods # 파드 목록\n"]),
        // Output runs until a Korean line or an English sentence.
        (
            "$ kubectl get pods\nNAME   READY   STATUS\nweb    1/1     Running\nThis lists every pod in the namespace.",
            [
                "code(console): $ kubectl get pods\nNAME   READY   STATUS\nweb    1/1     Running\n",
                "p: This lists every pod in the namespace.",
            ]
        ),
        // A Dockerfile: `FROM` alone is enough, other instructions need company.
        ("FROM node:6.9.2\nEXPOSE 8080\nCMD node server.js", ["code(dockerfile): FROM node:6.9.2\nEXPOSE 8080\nCMD node server.js\n"]),
        ("FROM nginx:1.25 AS base", ["code(dockerfile): FROM nginx:1.25 AS base\n"]),
        // A program: lines that end in `;`, `{`, `}` and what the braces hold.
        (
            "var http = require('http');\nhttp.createServer(function (req, res) {\n  res.end('ok')\n}).listen(8080);",
            ["code(javascript): var http = require('http');\nhttp.createServer(function (req, res) {\n  res.end('ok')\n}).listen(8080);\n"]
        ),
    ])
    func recovered(markdown: String, expected: [String]) {
        #expect(blocks(markdown) == expected)
    }

    @Test(arguments: [
        // Prose that starts with a tool's name, SQL, money, maths, Korean, one line of code.
        "kubectl is the command-line tool for Kubernetes.",
        "git is great and make sure it works.",
        "FROM users WHERE age > 20",
        "FROM 절은 베이스 이미지를 고른다.",
        "$ 100 정도 든다.",
        "$ x + y $ 는 수식이다.",
        "kubectl로 파드를 본다.\n그리고 docker로 이미지를 만든다.",
        "EXPOSE 는 포트를 알린다.",
        "return the value;",
        "Docker Desktop을 설치한다.\nHelm Chart는 패키지다.",
    ])
    func staysProse(markdown: String) {
        #expect(blocks(markdown).allSatisfy { $0.hasPrefix("p: ") }, "\(blocks(markdown))")
    }

    @Test func recoveredBlocksKeepTheirSourceLines() {
        let document = MarkdownDocument(parsing: "# 제목\n\n설명이다.\n  kubectl get pods\n  kubectl get svc\n끝.\n", extensions: .notes)
        let code = document.nodes(of: .codeBlock)
        #expect(code.count == 1)
        #expect(code.first?.startLine == 4)
        #expect(code.first?.startColumn == 3)
        #expect(code.first?.literal == "kubectl get pods\nkubectl get svc\n")
        #expect(document.nodes(of: .paragraph).map(\.startLine) == [3, 6])
    }

    @Test func gitHubsExtensionsAloneLeaveThemAlone() {
        let document = MarkdownDocument(parsing: "kubectl get pods\n", extensions: .all)
        #expect(document.nodes(of: .codeBlock).isEmpty)
    }

    @Test func inlineMarkupAcrossTheSeamKeepsTheParagraph() {
        // Emphasis that runs from prose into the command line: nothing is cut.
        let markdown = "*설명이\nkubectl get pods*"
        #expect(blocks(markdown) == ["p: 설명이 kubectl get pods"])
    }
}
