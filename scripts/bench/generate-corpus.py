#!/usr/bin/env python3
"""Writes N synthetic Korean study notes, deterministically from a seed, for benchmarks.

    python3 scripts/bench/generate-corpus.py --notes 10000 --seed 1 --out .bench/corpus-10000

Creates two sites with the same notes:
  <out>/gongbu/  content/notes/*.md plus the bundled glossary (content/glossary/), gongbu.yml
  <out>/hugo/    the same notes under content/notes/, minimal layouts (single, list, tags), hugo.toml
and <out>/manifests/ with each note's manifest as a YAML file (for validator benchmarks).

Each note is 3-4 KB: front matter, headings, paragraphs mixing Korean and English concept terms
with particles, a list, one YAML manifest (a Deployment and a Service) and one bash block.
"""
import argparse
import os
import random
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TERMS = ["파드", "디플로이먼트", "레플리카셋", "서비스", "인그레스", "컨피그맵", "시크릿", "노드", "클러스터", "네임스페이스",
         "레이블", "셀렉터", "볼륨", "퍼시스턴트 볼륨", "스테이트풀셋", "데몬셋", "잡", "크론잡", "컨테이너", "컨테이너 이미지",
         "롤링 업데이트", "롤백", "스케일링", "헬름", "kubectl", "Pod", "Deployment", "Service", "ReplicaSet", "Ingress",
         "ConfigMap", "Node", "PVC", "k8s", "kubelet", "kube-proxy", "컨트롤 플레인", "매니페스트", "ClusterIP", "NodePort"]
PARTICLES = ["가", "를", "는", "의", "에서", "에서는", "로", "와", "도", "만", "들을", "처럼", "", "", ""]
VERBS = ["만든다", "확인했다", "정리해 보았다", "다시 배포했다", "살펴봤다", "실습에서 써 봤다", "비교해 보았다", "지웠다가 다시 만들었다"]
FILLERS = ["처음엔 헷갈렸는데", "정리하면", "실습하면서 보니", "스터디에서 이야기한 대로", "예를 들어", "중요한 점은", "결국", "다시 말해"]
TAGS = ["쿠버네티스", "워크로드", "네트워킹", "스토리지", "설정", "배포", "실습", "기초", "도커", "헬름", "운영", "보안"]


PAIRS = [("이", "가"), ("을", "를"), ("은", "는"), ("과", "와"), ("으로", "로")]
PLAIN = ["의", "에서", "에서는", "도", "만", "들을", "처럼", "", "", ""]


def particle_after(term, rng):
    """A particle that fits the term's last syllable (after Latin letters either is fine)."""
    if rng.random() < 0.5:
        return term + rng.choice(PLAIN)
    consonant_form, vowel_form = rng.choice(PAIRS)
    last = ord(term[-1])
    if 0xAC00 <= last <= 0xD7A3:
        final = (last - 0xAC00) % 28
        if consonant_form == "으로" and final in (0, 8):
            return term + "로"
        return term + (vowel_form if final == 0 else consonant_form)
    return term + rng.choice([consonant_form, vowel_form])


def sentence(rng):
    parts = [rng.choice(FILLERS)]
    for _ in range(rng.randint(2, 4)):
        parts.append(particle_after(rng.choice(TERMS), rng))
    parts.append(rng.choice(VERBS) + ".")
    return " ".join(parts)


def paragraph(rng, count):
    return " ".join(sentence(rng) for _ in range(count))


def manifest(index, rng):
    name = f"app-{index}"
    port = rng.choice([80, 8080, 3000, 5000])
    replicas = rng.randint(1, 5)
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  labels:
    app: {name}
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: {port}
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
spec:
  selector:
    app: {name}
  ports:
    - name: http
      port: 80
      targetPort: http
"""


def note(index, rng):
    year = 2023 + index % 3
    month = 1 + index % 12
    day = 1 + index % 28
    title = f"{particle_after(rng.choice(TERMS), rng)} {rng.choice(TERMS)} 공부 {index}"
    tags = sorted(set(rng.sample(TAGS, rng.randint(2, 3))))
    body = [f"""---
title: "{title}"
date: {year}-{month:02d}-{day:02d}
tags: [{", ".join(tags)}]
summary: "{rng.choice(TERMS)}{rng.choice(['를', '에 대해'])} 정리한 노트 {index}"
---
{paragraph(rng, 5)}

## {rng.choice(TERMS)} 기본 개념

{paragraph(rng, 6)}

### {rng.choice(TERMS)} 동작 방식

{paragraph(rng, 5)}

- {sentence(rng)}
- {sentence(rng)}
- {sentence(rng)}

## 매니페스트 예제

{paragraph(rng, 3)}

```yaml
{manifest(index, rng)}```

## 명령어 정리

```bash
kubectl apply -f app-{index}.yaml
kubectl get pods -l app=app-{index}
kubectl rollout status deployment/app-{index}
```

### 더 알아볼 것

{paragraph(rng, 5)}
"""]
    return "".join(body)


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "ko"
title = "벤치마크"
disableKinds = ["RSS"]
[taxonomies]
  tag = "tags"
[markup.goldmark.renderer]
  unsafe = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">{{ . }}</a> {{ end }}{{ .Content }}</article>{{ end }}""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}""",
    "_default/terms.html": """{{ define "main" }}<ul>{{ range .Data.Terms }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}""",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = os.path.abspath(args.out)
    if os.path.exists(out):
        shutil.rmtree(out)
    gongbu_notes = os.path.join(out, "gongbu", "content", "notes")
    hugo_notes = os.path.join(out, "hugo", "content", "notes")
    manifests = os.path.join(out, "manifests")
    for folder in (gongbu_notes, hugo_notes, manifests):
        os.makedirs(folder)
    shutil.copytree(os.path.join(ROOT, "content", "glossary"), os.path.join(out, "gongbu", "content", "glossary"))
    with open(os.path.join(out, "gongbu", "gongbu.yml"), "w", encoding="utf-8") as f:
        f.write("title: 벤치마크\nbaseURL: https://example.org/\n")
    total = 0
    for index in range(args.notes):
        text = note(index, rng)
        total += len(text.encode())
        name = f"note-{index:05d}.md"
        for folder in (gongbu_notes, hugo_notes):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        yaml = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
        with open(os.path.join(manifests, f"note-{index:05d}.yaml"), "w", encoding="utf-8") as f:
            f.write(yaml)
    with open(os.path.join(out, "hugo", "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(HUGO_CONFIG)
    for path, text in HUGO_LAYOUTS.items():
        full = os.path.join(out, "hugo", "layouts", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{args.notes} notes, {total / 1e6:.1f} MB of Markdown in {out}")


if __name__ == "__main__":
    main()
