# 클러스터
resource "aws_eks_cluster" "demo" {
  name     = "demo"
  version  = "1.30"
  enabled  = true
  role_arn = var.role_arn
}
