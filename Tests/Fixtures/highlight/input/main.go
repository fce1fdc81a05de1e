package main

import "fmt"

/* 여러 줄
   주석 */
func main() {
	count := 42 // 숫자
	raw := `원시
문자열`
	fmt.Println("안녕", count, raw, nil)
}
