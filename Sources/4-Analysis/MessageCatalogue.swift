import GongbuCore

/// The problems the site shows readers (a manifest's diagnostics under its lines), in Korean:
/// each English template of the checks (`Message.key`, `{}` where a value goes) and its
/// translation (`{1}`, `{2}` … for the values, in any order). The terminal keeps the English;
/// the rule id is shown beside both.
///
/// A template missing here is shown in English; `MessageCatalogueTests` checks that every
/// message the checks produce on the test fixtures and the Kubernetes docs' examples is here.
/// Terms follow the Korean Kubernetes documentation (파드, 레이블, 셀렉터, 컨테이너 포트 …).
public enum MessageCatalogue {
    public static let korean: [String: String] = [
        // Values as the schema describes them.
        "null": "null",
        "a boolean ({})": "불리언({1})",
        "an integer ({})": "정수({1})",
        "a number ({})": "숫자({1})",
        "a string \"{}\"": "문자열 \"{1}\"",
        "a date ({})": "날짜({1})",
        "a list": "목록",
        "a mapping": "매핑",
        "a string": "문자열",
        "an integer": "정수",
        "a number": "숫자",
        "true or false": "true 또는 false",
        "an integer or a string": "정수나 문자열",
        "a quantity such as 500m, 1Gi or 2": "500m, 1Gi, 2 같은 수량",
        "a date-time string such as \"2024-03-02T10:00:00Z\"": "\"2024-03-02T10:00:00Z\" 같은 날짜-시간 문자열",
        "expected {}, found {}": "{1} 값이어야 하는데 {2} 값입니다",
        "expected {}, found {}; {}": "{1} 값이어야 하는데 {2} 값입니다. {3}",
        "remove the quotes": "따옴표를 지우세요",
        "YAML reads yes/no/on/off/true/false as booleans, so quote it": "YAML은 yes/no/on/off/true/false를 불리언으로 읽으므로 따옴표로 감싸세요",
        "quote it (\"{}\") to keep it as text": "문자열로 두려면 따옴표로 감싸세요(\"{1}\")",
        "quote it to keep it as text": "문자열로 두려면 따옴표로 감싸세요",
        "unknown field '{}'{}": "알 수 없는 필드 '{1}'{2}",
        " (did you mean '{}'?)": " ('{1}'의 오타일까요?)",
        "; did you mean '{}'?": ". '{1}'의 오타일까요?",
        "; did you mean '{}'? (values are case-sensitive)": ". '{1}'의 오타일까요? (값은 대소문자를 구분합니다)",
        "missing required field '{}'": "필수 필드 '{1}' 없음",
        "must not be null": "null일 수 없습니다",
        "unsupported value '{}': must be one of {}{}": "지원하지 않는 값 '{1}': {2} 중 하나여야 합니다{3}",
        "must be greater than or equal to {}, found {}": "{1} 이상이어야 하는데 {2}입니다",
        "must be greater than or equal to 0": "0 이상이어야 합니다",
        "must be greater than or equal to 0%": "0% 이상이어야 합니다",
        "must not be greater than 100%": "100%를 넘을 수 없습니다",
        "'{}' must be a number or a percentage such as 25%": "'{1}': 숫자나 25% 같은 백분율이어야 합니다",

        // The document as a whole.
        "invalid YAML: {}": "YAML 문법 오류: {1}",
        "an object needs both apiVersion and kind as strings": "오브젝트에는 apiVersion과 kind가 모두 문자열로 있어야 합니다",
        "a List item needs apiVersion and kind": "List의 각 항목에는 apiVersion과 kind가 있어야 합니다",
        "not a Kubernetes object (no apiVersion and kind)": "쿠버네티스 오브젝트가 아닙니다(apiVersion과 kind가 없음)",
        "apiVersion '{}' is not served by Kubernetes {}": "쿠버네티스 {2}은(는) apiVersion '{1}'을(를) 제공하지 않습니다",
        "{} is not served as {} in Kubernetes {}; use {}": "쿠버네티스 {3}에서 {1}은(는) {2}(으)로 제공되지 않습니다. {4}을(를) 쓰세요",
        "{} in {} is gone since Kubernetes {} (last in {}); use {}":
            "{2}의 {1}은(는) 쿠버네티스 {3}부터 없습니다({4}까지 제공). {5}을(를) 쓰세요",
        "{} in {} is gone since Kubernetes {} (last in {}; deprecated as of {}); use {}":
            "{2}의 {1}은(는) 쿠버네티스 {3}부터 없습니다({4}까지 제공, {5}부터 사용 중단). {6}을(를) 쓰세요",
        "unknown kind '{}' in {}{}": "{2}에 없는 kind '{1}'{3}",
        "custom resource {} {}: no schema to check it against": "커스텀 리소스 {1} {2}: 검사할 스키마가 없습니다",
        "a Helm template ({{ … }}): checked once rendered, not as written": "헬름 템플릿({{ … }}): 쓰인 그대로가 아니라 렌더링한 뒤에 검사합니다",
        "a Helm chart's Chart.yaml, not an object of the API": "헬름 차트의 Chart.yaml이며 API 오브젝트가 아닙니다",
        "a kubeconfig file (kind: Config), not an object of the API": "kubeconfig 파일(kind: Config)이며 API 오브젝트가 아닙니다",
        "a Kustomization: kustomize's own file, not an object of the API": "Kustomization: kustomize의 설정 파일이며 API 오브젝트가 아닙니다",
        "this example is marked expect-error but has no error; fix the example or remove the flag":
            "expect-error로 표시했지만 오류가 없는 예제입니다. 예제를 고치거나 표시를 지우세요",
        "duplicate key {} in a mapping": "매핑에 키 {1}이(가) 두 번 나옵니다",
        "a mapping key must be a plain value, not a list or mapping": "매핑의 키는 목록이나 매핑이 아닌 단순한 값이어야 합니다",
        "a merge key (<<) needs a mapping or a list of mappings": "병합 키(<<)에는 매핑이나 매핑의 목록이 와야 합니다",
        "YAML is {} bytes, more than the limit of {} bytes": "YAML이 {1}바이트로, 한도인 {2}바이트를 넘습니다",
        "YAML nests deeper than the limit of {} levels": "YAML의 중첩이 한도인 {1}단계보다 깊습니다",
        "the document expands to more than {} values (limit {}); are aliases expanding exponentially?":
            "문서가 펼치면 값이 {1}개를 넘습니다(한도 {2}). 앨리어스가 기하급수적으로 펼쳐지고 있지 않나요?",
        "; note: line {} is indented with a tab, and YAML allows only spaces": ". 참고: {1}번째 줄이 탭으로 들여쓰여 있는데, YAML은 공백만 허용합니다",

        // Names.
        "metadata.name is required": "metadata.name이 필요합니다",
        "{} name '{}' is not a valid {}: it {}": "{1} 이름 '{2}'은(는) 올바른 {3}이(가) 아닙니다: {4}",
        "DNS-1035 label": "DNS-1035 레이블",
        "DNS-1123 label": "DNS-1123 레이블",
        "DNS-1123 subdomain": "DNS-1123 서브도메인",
        "DNS-1123 subdomain of at most 52 characters": "52자 이하의 DNS-1123 서브도메인",
        "path segment name": "경로 세그먼트 이름",
        "must not be empty": "비어 있으면 안 됩니다",
        "must be no more than 15 characters (it has {})": "15자 이하여야 합니다({1}자)",
        "must be no more than 52 characters (it has {}); the controller appends 11 characters for each Job":
            "52자 이하여야 합니다({1}자). 컨트롤러가 잡마다 11자를 덧붙입니다",
        "must be no more than 63 characters (it has {})": "63자 이하여야 합니다({1}자)",
        "must be no more than 253 characters": "253자 이하여야 합니다",
        "must be no more than 253 characters (it has {})": "253자 이하여야 합니다({1}자)",
        "name part must be no more than 63 characters (it has {})": "이름 부분은 63자 이하여야 합니다({1}자)",
        "must start and end with a letter or digit": "영문자나 숫자로 시작하고 끝나야 합니다",
        "must start and end with a letter or digit, also around each '.'": "영문자나 숫자로 시작하고 끝나야 합니다. 각 '.'의 앞뒤도 마찬가지입니다",
        "must start with a letter": "영문자로 시작해야 합니다",
        "must start with a letter, '_', '-' or '.'": "영문자, '_', '-', '.' 중 하나로 시작해야 합니다",
        "must contain at least one letter": "영문자가 하나 이상 있어야 합니다",
        "must be lower case ('{}' is upper case)": "소문자여야 합니다('{1}'은(는) 대문자)",
        "must consist of lower-case letters, digits and '-' ('{}' is not allowed)": "영문 소문자, 숫자, '-'만 쓸 수 있습니다('{1}'은(는) 쓸 수 없음)",
        "must consist of lower-case letters, digits, '-' and '.' ('{}' is not allowed)":
            "영문 소문자, 숫자, '-', '.'만 쓸 수 있습니다('{1}'은(는) 쓸 수 없음)",
        "must consist of printable ASCII characters other than '=' ('{}' is not allowed)":
            "'='를 뺀 출력 가능한 ASCII 문자만 쓸 수 있습니다('{1}'은(는) 쓸 수 없음)",
        "may contain only letters, digits, '-', '_' and '.' ('{}' is not allowed)": "영문자, 숫자, '-', '_', '.'만 쓸 수 있습니다('{1}'은(는) 쓸 수 없음)",
        "may contain only letters, digits, '_', '-' and '.' ('{}' is not allowed)": "영문자, 숫자, '_', '-', '.'만 쓸 수 있습니다('{1}'은(는) 쓸 수 없음)",
        "must not be '.' or '..'": "'.'이나 '..'일 수 없습니다",
        "must not contain '{}'": "'{1}'을(를) 포함할 수 없습니다",
        "must not contain '--'": "'--'를 포함할 수 없습니다",
        "must not start or end with '-'": "'-'로 시작하거나 끝날 수 없습니다",
        "may contain at most one '/'": "'/'는 하나까지만 쓸 수 있습니다",
        "has an empty prefix before '/'": "'/' 앞의 접두사가 비어 있습니다",
        "prefix '{}' {}": "접두사 '{1}': {2}",
        "must have a name": "이름이 있어야 합니다",
        "namespace '{}' is not a valid DNS-1123 label: it {}": "네임스페이스 '{1}'은(는) 올바른 DNS-1123 레이블이 아닙니다: {2}",
        "container name '{}' is not a valid DNS-1123 label: it {}": "컨테이너 이름 '{1}'은(는) 올바른 DNS-1123 레이블이 아닙니다: {2}",
        "volume name '{}' is not a valid DNS-1123 label: it {}": "볼륨 이름 '{1}'은(는) 올바른 DNS-1123 레이블이 아닙니다: {2}",
        "duplicate container name '{}': names must be unique among all containers of a pod":
            "컨테이너 이름 '{1}'이(가) 겹칩니다. 파드의 모든 컨테이너 이름은 서로 달라야 합니다",
        "duplicate volume name '{}'": "볼륨 이름 '{1}'이(가) 겹칩니다",
        "a volume claim template needs a name": "볼륨 클레임 템플릿에는 이름이 있어야 합니다",

        // Labels and selectors.
        "key '{}' {}": "키 '{1}': {2}",
        "value '{}' {}": "값 '{1}': {2}",
        "key '{}' appears in more than one section": "키 '{1}'이(가) 여러 섹션에 나옵니다",
        "operator {} needs at least one value": "연산자 {1}에는 값이 하나 이상 있어야 합니다",
        "operator {} takes no values": "연산자 {1}에는 값을 줄 수 없습니다",
        "empty selector: it would select every pod; give matchLabels or matchExpressions":
            "빈 셀렉터는 모든 파드를 선택합니다. matchLabels나 matchExpressions를 쓰세요",
        "selector does not match the pod template's labels": "셀렉터가 파드 템플릿의 레이블과 맞지 않습니다",
        "selector does not match the pod template's labels: the template {}; every matchLabels entry and matchExpression must hold for them":
            "셀렉터가 파드 템플릿의 레이블과 맞지 않습니다. 템플릿은 {1}. matchLabels의 모든 항목과 matchExpressions가 이 레이블에 맞아야 합니다",
        "has no labels": "레이블이 없습니다",
        "has labels {}": "레이블이 {1}입니다",
        "selector {} matches no pod template in this note; the Service would have no endpoints":
            "셀렉터 {1}에 맞는 파드 템플릿이 이 노트에 없습니다. 서비스에 엔드포인트가 생기지 않습니다",

        // Containers, pods and workloads.
        "image is required": "image가 필요합니다",
        "environment variable name '{}' {}": "환경 변수 이름 '{1}': {2}",
        "environment variable '{}' is defined more than once; the last definition wins":
            "환경 변수 '{1}'이(가) 여러 번 정의되어 있습니다. 마지막 정의가 쓰입니다",
        "may not have both 'value' and 'valueFrom'": "'value'와 'valueFrom'을 함께 쓸 수 없습니다",
        "request for {} is greater than its limit: a request must be less than or equal to the limit":
            "{1} 요청량이 상한보다 큽니다. 요청량은 상한 이하여야 합니다",
        "volumeMount '{}' names no volume of this pod{}; {}": "volumeMount '{1}'이(가) 가리키는 볼륨이 이 파드에 없습니다{2}. {3}",
        "the pod defines no volumes": "파드에 정의된 볼륨이 없습니다",
        "the pod's volumes are {}": "파드의 볼륨은 {1}입니다",
        "probe port '{}' is not the name of a port of this container": "프로브 포트 '{1}'은(는) 이 컨테이너의 포트 이름이 아닙니다",
        "restartPolicy on a container is only allowed for init containers (sidecars)":
            "컨테이너의 restartPolicy는 초기화 컨테이너(사이드카)에만 쓸 수 있습니다",
        "a Job's pods must use restartPolicy Never or OnFailure, not Always": "잡의 파드는 restartPolicy로 Always가 아닌 Never나 OnFailure를 써야 합니다",
        "restartPolicy is required for a Job's pods: set Never or OnFailure (the pod default, Always, is not allowed)":
            "잡의 파드에는 restartPolicy가 필요합니다. Never나 OnFailure로 설정하세요(파드의 기본값 Always는 허용되지 않음)",
        "completions is required when completionMode is Indexed": "completionMode가 Indexed이면 completions가 필요합니다",
        "maxSurge and maxUnavailable may not both be 0: the rollout could never progress":
            "maxSurge와 maxUnavailable이 모두 0일 수는 없습니다. 롤아웃이 진행되지 않습니다",
        "rollingUpdate may not be set when the strategy type is Recreate": "전략 유형이 Recreate이면 rollingUpdate를 설정할 수 없습니다",
        "maxReplicas ({}) must be greater than or equal to minReplicas ({})": "maxReplicas({1})는 minReplicas({2}) 이상이어야 합니다",
        "serviceName '{}' names a Service that is not headless; set clusterIP: None on it so each pod gets a stable DNS name":
            "serviceName '{1}'이(가) 가리키는 서비스가 헤드리스가 아닙니다. 각 파드가 고정된 DNS 이름을 갖도록 그 서비스에 clusterIP: None을 설정하세요",
        "{} '{}' is not defined in this note; create it before applying this manifest":
            "{1} '{2}'이(가) 이 노트에 정의되어 있지 않습니다. 이 매니페스트를 적용하기 전에 만들어 두세요",

        // Ports and Services.
        "{} {} is out of range: must be between 1 and 65535": "{1} {2}은(는) 범위를 벗어납니다. 1에서 65535 사이여야 합니다",
        "nodePort {} is out of range: must be between 1 and 65535": "nodePort {1}은(는) 범위를 벗어납니다. 1에서 65535 사이여야 합니다",
        "nodePort {} is outside the default range 30000-32767; it only works on clusters configured with a wider --service-node-port-range":
            "nodePort {1}은(는) 기본 범위 30000-32767 밖입니다. --service-node-port-range를 넓게 설정한 클러스터에서만 동작합니다",
        "nodePort may only be set when type is NodePort or LoadBalancer{}": "nodePort는 type이 NodePort나 LoadBalancer일 때만 설정할 수 있습니다{1}",
        " (type defaults to ClusterIP)": "(type의 기본값은 ClusterIP)",
        "port name '{}' {}": "포트 이름 '{1}': {2}",
        "port name '{}' is not a valid DNS-1123 label: it {}": "포트 이름 '{1}'은(는) 올바른 DNS-1123 레이블이 아닙니다: {2}",
        "port name '{}' is not a valid IANA service name: it {}": "포트 이름 '{1}'은(는) 올바른 IANA 서비스 이름이 아닙니다: {2}",
        "{} '{}' is a number written as a string; write {} without quotes": "{1} '{2}'은(는) 문자열로 쓴 숫자입니다. 따옴표 없이 {3}(으)로 쓰세요",
        "duplicate port name '{}'": "포트 이름 '{1}'이(가) 겹칩니다",
        "a Service with more than one port must name every port": "포트가 둘 이상인 서비스는 모든 포트에 이름을 붙여야 합니다",
        "a {} Service needs at least one port": "{1} 서비스에는 포트가 하나 이상 있어야 합니다",
        "externalName is required when type is ExternalName": "type이 ExternalName이면 externalName이 필요합니다",
        "externalName '{}' is not a valid DNS name: it {}": "externalName '{1}'은(는) 올바른 DNS 이름이 아닙니다: {2}",
        "externalTrafficPolicy may only be set on NodePort and LoadBalancer services (this one is {})":
            "externalTrafficPolicy는 NodePort와 LoadBalancer 서비스에만 설정할 수 있습니다(이 서비스는 {1})",
        "targetPort '{}' is not the name of a container port in the pods this Service selects ({})":
            "targetPort '{1}'은(는) 이 서비스가 선택하는 파드의 컨테이너 포트 이름이 아닙니다({2})",
        "host '{}' is not a valid DNS name: it {}": "호스트 '{1}'은(는) 올바른 DNS 이름이 아닙니다: {2}",
        "path '{}' must start with '/'": "경로 '{1}'은(는) '/'로 시작해야 합니다",

        // Storage and Secrets.
        "a storage request is required": "스토리지 요청량이 필요합니다",
        "at least one access mode is required": "접근 모드가 하나 이상 필요합니다",
        "capacity.storage is required": "capacity.storage가 필요합니다",
        "a Secret of type {} needs the key '{}'": "{1} 유형의 시크릿에는 '{2}' 키가 있어야 합니다",
        "Secret data values must be base64-encoded; put plain text under stringData instead":
            "시크릿의 data 값은 base64로 인코딩해야 합니다. 평문은 stringData 아래에 쓰세요",

        // Quantities.
        "must be a quantity such as 500m, 1Gi or 2": "500m, 1Gi, 2 같은 수량이어야 합니다",
        "must be a quantity such as 500m or 1Gi, not null": "null이 아니라 500m나 1Gi 같은 수량이어야 합니다",
        "must be an integer or a string, not null": "null이 아니라 정수나 문자열이어야 합니다",
        "'{}' is not a valid quantity (examples: 500m, 0.5, 128Mi, 1Gi, 2)": "'{1}'은(는) 올바른 수량이 아닙니다(예: 500m, 0.5, 128Mi, 1Gi, 2)",
        "'{}' is not a valid quantity: the suffix '{}' does not exist (use k, M, G or Ki, Mi, Gi)":
            "'{1}'은(는) 올바른 수량이 아닙니다. 접미사 '{2}'은(는) 없습니다(k, M, G나 Ki, Mi, Gi를 쓰세요)",

        // kubectl commands (`KubectlChecker`, `CommandStory`, `CommandChecks`).
        "'kubectl {}' was removed in kubectl {}; use {}": "'kubectl {1}' 명령은 kubectl {2}에서 없어졌습니다. 대신 {3}을(를) 쓰세요",
        "'kubectl exec POD COMMAND' was removed in kubectl {}; put -- before the command: kubectl exec POD -- {}":
            "'kubectl exec POD COMMAND' 형식은 kubectl {1}에서 없어졌습니다. 명령 앞에 --를 넣으세요: kubectl exec POD -- {2}",
        "'kubectl exec POD COMMAND' is deprecated; put -- before the command: kubectl exec POD -- {}":
            "'kubectl exec POD COMMAND' 형식은 사용 중단되었습니다. 명령 앞에 --를 넣으세요: kubectl exec POD -- {1}",
        "kubectl get -o yaml, without the fields the server sets": "kubectl get -o yaml(서버가 채우는 필드는 지우세요)",
        "unknown kubectl command '{}' (did you mean '{}'?)": "알 수 없는 kubectl 명령 '{1}'('{2}'의 오타일까요?)",
        "--{} needs a value ({})": "--{1}에는 값이 필요합니다({2})",
        "'kubectl {}' has no flag -{}": "'kubectl {1}'에는 -{2} 플래그가 없습니다",
        "-{} (--{}) needs a value ({})": "-{1}(--{2})에는 값이 필요합니다({3})",
        "'kubectl {}' needs --{}": "'kubectl {1}'에는 --{2}가 필요합니다",
        "{} is no longer served: Kubernetes {} was the last release with it": "{1}은(는) 이제 제공되지 않습니다. 쿠버네티스 {2}이(가) 마지막이었습니다",
        "unknown resource type '{}' (did you mean '{}'?)": "알 수 없는 리소스 타입 '{1}'('{2}'의 오타일까요?)",
        "--{} of 'kubectl {}' was removed in kubectl {}; use {}": "'kubectl {2}'의 --{1}은(는) kubectl {3}에서 없어졌습니다. 대신 {4}을(를) 쓰세요",
        "--{} of 'kubectl {}' is gone: kubectl {} was the last release with it":
            "'kubectl {2}'의 --{1}은(는) 이제 없습니다. kubectl {3}이(가) 마지막이었습니다",
        "'kubectl {}' has no flag --{}{}": "'kubectl {1}'에는 --{2} 플래그가 없습니다{3}",
        " (did you mean --{}?)": "(--{1}의 오타일까요?)",
        "--{} of 'kubectl {}' is deprecated (kubectl {}: {})": "'kubectl {2}'의 --{1}은(는) 사용 중단되었습니다(kubectl {3}: {4})",
        "--{} takes {}, not '{}'": "--{1}에는 '{3}'이 아니라 {2}을(를) 써야 합니다",
        "a whole number": "정수",
        "a duration such as 30s or 5m": "30s나 5m 같은 기간",
        "a value, and may be repeated": "값(여러 번 쓸 수 있음)",
        "key=value pairs": "key=value 쌍",
        "a value": "값",
        "kubectl rollout (a Deployment's rolling update)": "kubectl rollout(디플로이먼트의 롤링 업데이트)",
        "kubectl create deployment (or kubectl run for a Pod)": "kubectl create deployment(파드 하나라면 kubectl run)",
        "kubectl create deployment NAME --image=IMAGE --replicas=N": "kubectl create deployment NAME --image=IMAGE --replicas=N",
        "'kubectl run {}' makes a Pod since kubectl {}, not a Deployment, so there is no deployment '{}' here; make one with 'kubectl create deployment {}{}{}'":
            "kubectl {2}부터 'kubectl run {1}'은(는) 디플로이먼트가 아니라 파드를 만들므로 여기에는 디플로이먼트 '{3}'이(가) 없습니다. 'kubectl create deployment {4}{5}{6}'(으)로 만드세요",
        "'{}.{}/{}' is from an older Kubernetes: {} in the '{}' group was last served in {}; today it is '{}'":
            "'{1}.{2}/{3}'은(는) 예전 쿠버네티스의 이름입니다. '{5}' 그룹의 {4}은(는) {6}까지 제공되었고, 지금은 '{7}'입니다",
        "this output is from an older Kubernetes: {} in the '{}' group was last served in {}; today it reads '{} {}'":
            "예전 쿠버네티스의 출력입니다. '{2}' 그룹의 {1}은(는) {3}까지 제공되었고, 지금은 '{4} {5}'(으)로 나옵니다",

        // CronJob schedules.
        "invalid schedule '{}': {}": "잘못된 스케줄 '{1}': {2}",
        "the schedule is empty": "스케줄이 비어 있습니다",
        "a time zone cannot be set in the schedule; use the 'timeZone' field instead": "스케줄에는 시간대를 쓸 수 없습니다. 대신 'timeZone' 필드를 쓰세요",
        "unknown descriptor '{}' (use @yearly, @monthly, @weekly, @daily, @hourly or @every <duration>)":
            "알 수 없는 표현 '{1}'(@yearly, @monthly, @weekly, @daily, @hourly, @every <기간> 중 하나를 쓰세요)",
        "'{}' needs a duration such as '@every 1h30m'": "'{1}'에는 '@every 1h30m' 같은 기간이 필요합니다",
        "expected 5 fields (minute hour day-of-month month day-of-week), found {}": "필드가 5개(분 시 일 월 요일)여야 하는데 {1}개입니다",
        "unknown time zone '{}' (use an IANA name such as Asia/Seoul)": "알 수 없는 시간대 '{1}'(Asia/Seoul 같은 IANA 이름을 쓰세요)",
        "minute": "분",
        "hour": "시",
        "day of month": "일",
        "month": "월",
        "day of week": "요일",
        " or a name": "나 이름",
        "{} field '{}' has an empty list item": "{1} 필드 '{2}'에 빈 목록 항목이 있습니다",
        "{} step '{}' must be a positive number": "{1} 간격 '{2}'은(는) 양수여야 합니다",
        "{} '{}' is not a value or a range": "{1} '{2}'은(는) 값도 범위도 아닙니다",
        "{} '{}' is not a number{}": "{1} '{2}'은(는) 숫자{3}가 아닙니다",
        "{} {} is out of range {}-{}": "{1} {2}은(는) 범위 {3}-{4}를 벗어납니다",
        "{} range '{}' starts after it ends": "{1} 범위 '{2}'의 시작이 끝보다 뒤입니다",
    ]
}
