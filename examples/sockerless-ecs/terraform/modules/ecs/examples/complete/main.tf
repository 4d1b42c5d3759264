# Example: the sockerless module with its required inputs (placeholders: replace them with your own).

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

module "sockerless" {
  source = "../.."
  tags   = { owner = "platform-team" }
}

output "cloud_map_namespace_arn" {
  description = "ARN of the Cloud Map private DNS namespace."
  value       = module.sockerless.cloud_map_namespace_arn
}

output "cloud_map_namespace_id" {
  description = "ID of the Cloud Map private DNS namespace."
  value       = module.sockerless.cloud_map_namespace_id
}

output "ecr_repository_url" {
  description = "URL of the ECR repository for the agent image (null when not created)."
  value       = module.sockerless.ecr_repository_url
}

output "ecs_cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = module.sockerless.ecs_cluster_arn
}

output "ecs_cluster_name" {
  description = "Name of the ECS cluster."
  value       = module.sockerless.ecs_cluster_name
}

output "efs_filesystem_id" {
  description = "ID of the EFS file system for shared volumes."
  value       = module.sockerless.efs_filesystem_id
}

output "efs_security_group_id" {
  description = "ID of the security group of the EFS mount targets."
  value       = module.sockerless.efs_security_group_id
}

output "execution_role_arn" {
  description = "ARN of the task execution role (pulls images, writes logs)."
  value       = module.sockerless.execution_role_arn
}

output "log_group_arn" {
  description = "ARN of the CloudWatch log group containers write to."
  value       = module.sockerless.log_group_arn
}

output "log_group_name" {
  description = "Name of the CloudWatch log group containers write to."
  value       = module.sockerless.log_group_name
}

output "private_subnet_ids" {
  description = "IDs of the private subnets tasks run in."
  value       = module.sockerless.private_subnet_ids
}

output "public_subnet_ids" {
  description = "IDs of the public subnets (NAT gateways)."
  value       = module.sockerless.public_subnet_ids
}

output "task_role_arn" {
  description = "ARN of the task role (EFS, logs, Cloud Map registration)."
  value       = module.sockerless.task_role_arn
}

output "task_security_group_id" {
  description = "ID of the security group tasks run in."
  value       = module.sockerless.task_security_group_id
}

output "vpc_id" {
  description = "ID of the VPC."
  value       = module.sockerless.vpc_id
}
