@dataclass
class Pod:
    """파드를 나타낸다."""
    name: str = 'web'

def ready(pods: list) -> bool:
    return all(p.name for p in pods) and True  # 모두 준비됨
print(f"{len([1, 2.5])}", None)
