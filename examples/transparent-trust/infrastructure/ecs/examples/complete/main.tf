# Example: the transparent-trust module with its required inputs (placeholders: replace them with your own).

terraform {
  required_version = ">= 1.5.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

module "transparent_trust" {
  source                    = "../.."
  vpc_id                    = "vpc-0123456789abcdef0"
  private_subnet_ids        = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  image_tag                 = "0123abc"
  anthropic_secret_arn      = "arn:aws:secretsmanager:us-east-1:123456789012:secret:anthropic-AbCdEf"
  database_secret_arn       = "arn:aws:secretsmanager:us-east-1:123456789012:secret:database-AbCdEf"
  encryption_key_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:encryption-key-AbCdEf"
  google_oauth_secret_arn   = "arn:aws:secretsmanager:us-east-1:123456789012:secret:google-oauth-AbCdEf"
  nextauth_secret_arn       = "arn:aws:secretsmanager:us-east-1:123456789012:secret:nextauth-AbCdEf"
  redis_secret_arn          = "arn:aws:secretsmanager:us-east-1:123456789012:secret:redis-AbCdEf"
  alb_security_group_id     = "sg-0123456789abcdef0"
  target_group_arn          = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/0123456789abcdef"
  ecs_execution_role_arn    = "arn:aws:iam::123456789012:role/ecs-execution-role"
  ecs_task_role_arn         = "arn:aws:iam::123456789012:role/ecs-task-role"
  nextauth_url              = "https://app.example.com"
  tags                      = { owner = "platform-team" }
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms notify."
  value       = module.transparent_trust.alarm_topic_arn
}

output "cloudwatch_log_group_name" {
  description = "CloudWatch log group of the service."
  value       = module.transparent_trust.cloudwatch_log_group_name
}

output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = module.transparent_trust.cluster_name
}

output "deployment_info" {
  description = "Summary of what is deployed."
  value       = module.transparent_trust.deployment_info
}

output "ecr_repository_url" {
  description = "ECR repository to push images to."
  value       = module.transparent_trust.ecr_repository_url
}

output "ecr_repository_urls" {
  description = "ECR repository URL of each built service; CI pushes images here."
  value       = module.transparent_trust.ecr_repository_urls
}

output "ecs_cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = module.transparent_trust.ecs_cluster_arn
}

output "ecs_cluster_name" {
  description = "Name of the ECS cluster."
  value       = module.transparent_trust.ecs_cluster_name
}

output "ecs_service_names" {
  description = "ECS service name of each Compose service."
  value       = module.transparent_trust.ecs_service_names
}

output "log_group_names" {
  description = "CloudWatch log group of each Compose service."
  value       = module.transparent_trust.log_group_names
}

output "private_subnet_ids" {
  description = "IDs of the private subnets tasks run in."
  value       = module.transparent_trust.private_subnet_ids
}

output "service_name" {
  description = "Name of the ECS service."
  value       = module.transparent_trust.service_name
}

output "smoke_test" {
  description = "What `ecsform smoke` checks after a deploy: services, target groups, URLs and log groups."
  value       = module.transparent_trust.smoke_test
}

output "useful_commands" {
  description = "Commands to inspect and operate the service."
  value       = module.transparent_trust.useful_commands
}

output "vpc_id" {
  description = "ID of the VPC the stack runs in."
  value       = module.transparent_trust.vpc_id
}
