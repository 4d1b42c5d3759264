/**
 * A synthetic Terraform root module of N `.tf` files, each one ECS service's worth of resources
 * (task definition, service, log group, security group, target group, listener rule), plus the
 * shared files. Used by the benchmarks of `verify` and `ecsform check`.
 */
export function syntheticTerraformFiles(count: number): { path: string; text: string }[] {
  return [
    { path: 'versions.tf', text: SHARED },
    { path: 'variables.tf', text: VARIABLES },
    ...Array.from({ length: count - 2 }, (_, i) => ({ path: `service_${String(i).padStart(3, '0')}.tf`, text: serviceFile(i) })),
  ];
}

function serviceFile(i: number): string {
  const name = `svc${String(i).padStart(3, '0')}`;
  return `resource "aws_cloudwatch_log_group" "${name}" {
  name              = "/ecs/\${local.name_prefix}/${name}"
  retention_in_days = var.log_retention_days

  tags = local.tags
}

resource "aws_security_group" "${name}" {
  name        = "\${local.name_prefix}-${name}"
  description = "Tasks of ${name}"
  vpc_id      = var.vpc_id

  ingress {
    description     = "HTTP from the load balancer"
    from_port       = ${8000 + i}
    to_port         = ${8000 + i}
    protocol        = "tcp"
    security_groups = [var.alb_security_group_id]
  }

  egress {
    description = "HTTPS out"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_lb_target_group" "${name}" {
  name        = "\${local.name_prefix}-${name}"
  port        = ${8000 + i}
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id

  health_check {
    path    = "/health"
    matcher = "200"
  }
}

resource "aws_lb_listener_rule" "${name}" {
  listener_arn = var.listener_arn
  priority     = ${100 + i}

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.${name}.arn
  }

  condition {
    path_pattern {
      values = ["/${name}/*"]
    }
  }
}

resource "aws_ecs_task_definition" "${name}" {
  family                   = "\${local.name_prefix}-${name}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = var.execution_role_arn

  container_definitions = jsonencode([
    {
      name         = "${name}"
      image        = "\${var.registry}/${name}:\${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = ${8000 + i}, protocol = "tcp" }]
      environment  = [for key, value in local.common_environment : { name = key, value = value }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.${name}.name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "ecs"
        }
      }
    }
  ])

  tags = local.tags
}

resource "aws_ecs_service" "${name}" {
  name            = "\${local.name_prefix}-${name}"
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.${name}.arn
  desired_count   = var.desired_count
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.${name}.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.${name}.arn
    container_name   = "${name}"
    container_port   = ${8000 + i}
  }

  tags = local.tags
}

output "${name}_service_name" {
  description = "ECS service name of ${name}."
  value       = aws_ecs_service.${name}.name
}
`;
}

const SHARED = `terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

locals {
  name_prefix = "bench"
  tags        = { Project = "bench" }

  common_environment = {
    LOG_LEVEL = "info"
  }
}
`;

const VARIABLES = [
  ['aws_region', 'string'],
  ['vpc_id', 'string'],
  ['alb_security_group_id', 'string'],
  ['listener_arn', 'string'],
  ['execution_role_arn', 'string'],
  ['cluster_arn', 'string'],
  ['registry', 'string'],
  ['image_tag', 'string'],
  ['private_subnet_ids', 'list(string)'],
  ['desired_count', 'number'],
  ['log_retention_days', 'number'],
]
  .map(([name, type]) => `variable "${name}" {\n  description = "The ${name}."\n  type        = ${type}\n}\n`)
  .join('\n');

