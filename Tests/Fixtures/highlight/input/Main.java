@Override
public static void main(String[] args) {
    int retries = 3; // 재시도
    String text = "파드 \"이름\"";
    /* 블록 */ System.out.println(text + retries + null);
}
