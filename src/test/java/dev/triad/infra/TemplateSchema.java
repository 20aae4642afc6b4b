package dev.triad.infra;

import java.util.Map;
import java.util.Set;

/**
 * The resource types infra/template.yaml uses, each with its required and its known properties and
 * attributes, as the AWS CloudFormation resource reference and the AWS SAM specification give them
 * (2026). A type or property missing here fails the check: add it from the reference, not by guess.
 */
final class TemplateSchema {

    record Type(Set<String> required, Set<String> allowed, Set<String> attributes) {
    }

    static final Set<String> GLOBAL_FUNCTION = Set.of("Handler", "Runtime", "CodeUri", "DeadLetterQueue",
            "Description", "MemorySize", "Timeout", "VpcConfig", "Environment", "Tags", "PropagateTags", "Tracing",
            "KmsKeyArn", "Layers", "AutoPublishAlias", "AutoPublishAliasAllProperties", "DeploymentPreference",
            "PermissionsBoundary", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
            "AssumeRolePolicyDocument", "EventInvokeConfig", "Architectures", "EphemeralStorage", "SnapStart",
            "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn");

    static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("AWS::Serverless::Function", new Type(Set.of("CodeUri", "Runtime", "Handler"),
                    union(GLOBAL_FUNCTION, Set.of("FunctionName", "Events", "Policies", "Role", "InlineCode",
                            "ImageUri", "PackageType", "ImageConfig", "CodeSigningConfigArn", "FileSystemConfigs",
                            "AutoPublishCodeSha256", "VersionDescription", "Architectures", "Environment",
                            "SnapStart")),
                    Set.of("Arn"))),
            Map.entry("AWS::Serverless::HttpApi", new Type(Set.of(),
                    Set.of("AccessLogSettings", "Auth", "CorsConfiguration", "DefaultRouteSettings", "DefinitionBody",
                            "DefinitionUri", "Description", "DisableExecuteApiEndpoint", "Domain",
                            "FailOnWarnings", "Name", "PropagateTags", "RouteSettings", "StageName",
                            "StageVariables", "Tags"),
                    Set.of("ApiEndpoint"))),
            Map.entry("AWS::Logs::LogGroup", new Type(Set.of(),
                    Set.of("LogGroupName", "RetentionInDays", "KmsKeyId", "LogGroupClass", "DataProtectionPolicy",
                            "Tags"),
                    Set.of("Arn"))),
            Map.entry("AWS::Logs::MetricFilter", new Type(Set.of("FilterPattern", "LogGroupName", "MetricTransformations"),
                    Set.of("FilterName", "FilterPattern", "LogGroupName", "MetricTransformations",
                            "ApplyOnTransformedLogs"),
                    Set.of())),
            Map.entry("AWS::EC2::SecurityGroup", new Type(Set.of("GroupDescription"),
                    Set.of("GroupDescription", "GroupName", "SecurityGroupEgress", "SecurityGroupIngress", "Tags",
                            "VpcId"),
                    Set.of("GroupId", "VpcId"))),
            Map.entry("AWS::EC2::SecurityGroupIngress", new Type(Set.of("IpProtocol"),
                    Set.of("CidrIp", "CidrIpv6", "Description", "FromPort", "GroupId", "GroupName", "IpProtocol",
                            "SourcePrefixListId", "SourceSecurityGroupId", "SourceSecurityGroupName",
                            "SourceSecurityGroupOwnerId", "ToPort"),
                    Set.of("Id"))),
            Map.entry("AWS::ElastiCache::ServerlessCache", new Type(Set.of("Engine", "ServerlessCacheName"),
                    Set.of("CacheUsageLimits", "DailySnapshotTime", "Description", "Endpoint", "Engine",
                            "FinalSnapshotName", "KmsKeyId", "MajorEngineVersion", "ReaderEndpoint",
                            "SecurityGroupIds", "ServerlessCacheName", "SnapshotArnsToRestore",
                            "SnapshotRetentionLimit", "SubnetIds", "Tags", "UserGroupId"),
                    Set.of("ARN", "CreateTime", "Endpoint.Address", "Endpoint.Port", "FullEngineVersion",
                            "ReaderEndpoint.Address", "ReaderEndpoint.Port", "Status"))),
            Map.entry("AWS::ElastiCache::SubnetGroup", new Type(Set.of("Description", "SubnetIds"),
                    Set.of("CacheSubnetGroupName", "Description", "SubnetIds", "Tags"),
                    Set.of())),
            Map.entry("AWS::ElastiCache::ReplicationGroup", new Type(Set.of("ReplicationGroupDescription"),
                    Set.of("AtRestEncryptionEnabled", "AuthToken", "AutoMinorVersionUpgrade", "AutomaticFailoverEnabled",
                            "CacheNodeType", "CacheParameterGroupName", "CacheSecurityGroupNames",
                            "CacheSubnetGroupName", "ClusterMode", "DataTieringEnabled", "Engine", "EngineVersion",
                            "GlobalReplicationGroupId", "IpDiscovery", "KmsKeyId", "LogDeliveryConfigurations",
                            "MultiAZEnabled", "NetworkType", "NodeGroupConfiguration", "NotificationTopicArn",
                            "NumCacheClusters", "NumNodeGroups", "Port", "PreferredCacheClusterAZs",
                            "PreferredMaintenanceWindow", "PrimaryClusterId", "ReplicasPerNodeGroup",
                            "ReplicationGroupDescription", "ReplicationGroupId", "SecurityGroupIds",
                            "SnapshotArns", "SnapshotName", "SnapshotRetentionLimit", "SnapshotWindow",
                            "SnapshottingClusterId", "Tags", "TransitEncryptionEnabled", "TransitEncryptionMode",
                            "UserGroupIds"),
                    Set.of("ConfigurationEndPoint.Address", "ConfigurationEndPoint.Port", "PrimaryEndPoint.Address",
                            "PrimaryEndPoint.Port", "ReaderEndPoint.Address", "ReaderEndPoint.Port",
                            "ReadEndPoint.Addresses", "ReadEndPoint.Ports"))),
            Map.entry("AWS::CloudWatch::Alarm", new Type(Set.of("ComparisonOperator", "EvaluationPeriods"),
                    Set.of("ActionsEnabled", "AlarmActions", "AlarmDescription", "AlarmName", "ComparisonOperator",
                            "DatapointsToAlarm", "Dimensions", "EvaluateLowSampleCountPercentile",
                            "EvaluationPeriods", "ExtendedStatistic", "InsufficientDataActions", "MetricName",
                            "Metrics", "Namespace", "OKActions", "Period", "Statistic", "Tags", "Threshold",
                            "ThresholdMetricId", "TreatMissingData", "Unit"),
                    Set.of("Arn"))),
            Map.entry("AWS::Events::Connection", new Type(Set.of("AuthorizationType", "AuthParameters"),
                    Set.of("AuthParameters", "AuthorizationType", "Description", "InvocationConnectivityParameters",
                            "KmsKeyIdentifier", "Name"),
                    Set.of("Arn", "ArnForPolicy", "SecretArn"))),
            Map.entry("AWS::Events::ApiDestination", new Type(Set.of("ConnectionArn", "HttpMethod", "InvocationEndpoint"),
                    Set.of("ConnectionArn", "Description", "HttpMethod", "InvocationEndpoint",
                            "InvocationRateLimitPerSecond", "Name"),
                    Set.of("Arn", "ArnForPolicy"))),
            Map.entry("AWS::Events::Rule", new Type(Set.of(),
                    Set.of("Description", "EventBusName", "EventPattern", "Name", "RoleArn", "ScheduleExpression",
                            "State", "Targets"),
                    Set.of("Arn"))),
            Map.entry("AWS::IAM::Role", new Type(Set.of("AssumeRolePolicyDocument"),
                    Set.of("AssumeRolePolicyDocument", "Description", "ManagedPolicyArns", "MaxSessionDuration", "Path",
                            "PermissionsBoundary", "Policies", "RoleName", "Tags"),
                    Set.of("Arn", "RoleId"))));

    private TemplateSchema() {
    }

    static Set<String> attributes(String type) {
        switch (type) {
            case "AWS::Lambda::Url":
                return Set.of("FunctionUrl", "FunctionArn");
            case "AWS::IAM::Role":
                return Set.of("Arn", "RoleId");
            default:
                Type t = TYPES.get(type);
                return t == null ? Set.of() : t.attributes();
        }
    }

    /** The function a SAM-generated resource name belongs to ({@code <Function>Url}, {@code <Function>Role}), or null. */
    static String samGenerated(String name, Set<String> resources) {
        for (String suffix : new String[] { "Url", "Role", "Alias" }) {
            if (name.endsWith(suffix) && resources.contains(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    static String samGeneratedType(String name) {
        return name.endsWith("Url") ? "AWS::Lambda::Url" : name.endsWith("Role") ? "AWS::IAM::Role" : "AWS::Lambda::Alias";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
