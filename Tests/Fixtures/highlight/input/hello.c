#include <stdio.h>
/* 인사 */
int main(void) {
    printf("안녕 %d\n", 42);
    return 0;
}
