package dev.triad.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment template, checked offline: no AWS account is reachable from here, and the npm
 * {@code cfn-lint} (1.9.7, the last release) knows too little of SAM to judge it — it rejects
 * {@code AWS::Serverless::HttpApi}, {@code AWS::ElastiCache::ServerlessCache} and most SAM Globals
 * (85 false criticals on this template). So this test holds its own schema of every resource type
 * the template uses ({@link TemplateSchema}, from the CloudFormation and SAM references) and checks
 * structure, properties, references, conditions, parameters and secrets, and that the function
 * gets every setting the application needs.
 */
class InfraTemplateTest {

    static final Path TEMPLATE = Path.of("infra", "template.yaml");
    static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NoValue", "AWS::Partition", "AWS::Region",
            "AWS::StackId", "AWS::StackName", "AWS::URLSuffix", "AWS::NotificationARNs");
    static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([^}!]+)}");

    /** What the application needs from its environment in a deployment (README, Configuration). */
    static final Set<String> REQUIRED_ENVIRONMENT = Set.of("QUARKUS_REDIS_HOSTS", "QUARKUS_REDIS_CLIENT_TYPE",
            "TRIAD_ADMIN_KEY", "TRIAD_SHOPIFY_API_SECRET", "TRIAD_HASH_KEY");
    static final Set<String> SECRET_ENVIRONMENT = Set.of("TRIAD_ADMIN_KEY", "TRIAD_SHOPIFY_API_SECRET", "TRIAD_HASH_KEY");

    static Map<String, Object> template;
    static Map<String, Object> parameters;
    static Map<String, Object> conditions;
    static Map<String, Object> resources;

    @BeforeAll
    static void read() throws IOException {
        template = CloudFormationYaml.read(TEMPLATE);
        parameters = map(template.get("Parameters"));
        conditions = map(template.get("Conditions"));
        resources = map(template.get("Resources"));
    }

    @Test
    void shouldHaveOnlyTheSectionsCloudFormationKnowsAndTheSamTransform() {
        assertThat(template.keySet()).isSubsetOf("AWSTemplateFormatVersion", "Transform", "Description", "Parameters",
                "Conditions", "Globals", "Resources", "Outputs", "Mappings", "Metadata", "Rules");
        assertThat(template.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
        assertThat(template.get("Transform")).isEqualTo("AWS::Serverless-2016-10-31");
        assertThat(map(template.get("Globals")).keySet()).isSubsetOf("Function", "HttpApi", "Api", "SimpleTable");
    }

    @Test
    void shouldUseOnlyKnownResourceTypesWithTheirRequiredAndKnownProperties() {
        List<String> problems = new ArrayList<>();
        resources.forEach((name, value) -> {
            Map<String, Object> resource = map(value);
            String type = (String) resource.get("Type");
            assertThat(resource.keySet()).as(name).isSubsetOf("Type", "Properties", "Condition", "DependsOn",
                    "DeletionPolicy", "UpdateReplacePolicy", "Metadata");
            TemplateSchema.Type schema = TemplateSchema.TYPES.get(type);
            if (schema == null) {
                problems.add(name + ": unknown type " + type);
                return;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            boolean function = type.equals("AWS::Serverless::Function");
            for (String required : schema.required()) {
                boolean fromGlobals = function && map(map(template.get("Globals")).get("Function")).containsKey(required);
                if (!properties.containsKey(required) && !fromGlobals) {
                    problems.add(name + " (" + type + "): missing " + required);
                }
            }
            properties.keySet().stream().filter(p -> !schema.allowed().contains(p))
                    .forEach(p -> problems.add(name + " (" + type + "): unknown property " + p));
        });
        map(map(template.get("Globals")).get("Function")).keySet().stream()
                .filter(p -> !TemplateSchema.GLOBAL_FUNCTION.contains(p))
                .forEach(p -> problems.add("Globals.Function: not a SAM global property " + p));
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldReferOnlyToDefinedParametersResourcesAndAttributes() {
        List<String> problems = new ArrayList<>();
        walk(template, "", new HashSet<>(), (path, guard, ref) -> {
            String target = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
            if (parameters.containsKey(ref) || PSEUDO.contains(ref)) {
                return;
            }
            String owner = TemplateSchema.samGenerated(target, resources.keySet());
            if (!resources.containsKey(target) && owner == null) {
                problems.add(path + ": refers to undefined " + ref);
                return;
            }
            if (ref.contains(".")) {
                String attribute = ref.substring(ref.indexOf('.') + 1);
                String type = owner != null ? TemplateSchema.samGeneratedType(target)
                        : (String) map(resources.get(target)).get("Type");
                if (!TemplateSchema.attributes(type).contains(attribute)) {
                    problems.add(path + ": " + type + " has no attribute " + attribute);
                }
            }
            Object condition = map(resources.get(owner != null ? owner : target)).get("Condition");
            if (condition != null && !holds(condition, guard) && !condition.equals(conditionOf(path))) {
                problems.add(path + ": refers to " + target + " (only there when " + condition
                        + ") outside a branch of that condition");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldDefineEveryConditionItUsesAndUseEveryOneItDefines() {
        Set<String> used = new LinkedHashSet<>();
        collectConditions(template, used);
        assertThat(conditions.keySet()).containsAll(used);
        assertThat(used).containsAll(conditions.keySet());
    }

    @Test
    void shouldNeverDeployACacheThatLosesWhatItAcknowledgedWhenOneNodeFails() {
        Map<String, Object> replicas = map(parameters.get("CacheReplicasPerShard"));
        assertThat(((Number) replicas.get("MinValue")).intValue()).as("replicas per shard, at least").isGreaterThanOrEqualTo(1);
        for (String cache : List.of("ReplicationGroup", "ServerlessCache")) {
            Map<String, Object> properties = map(map(resources.get(cache)).get("Properties"));
            assertThat(((Number) properties.get("SnapshotRetentionLimit")).intValue()).as(cache + " daily snapshots kept")
                    .isGreaterThanOrEqualTo(1);
        }
        Map<String, Object> group = map(map(resources.get("ReplicationGroup")).get("Properties"));
        assertThat(group.get("AutomaticFailoverEnabled")).isEqualTo(true);
        assertThat(group.get("MultiAZEnabled")).isEqualTo(true);
    }

    /** A Lambda keeps no timer: EventBridge calls the reconcile route every 15 minutes, with the operator key. */
    @Test
    void shouldReconcileInstalledShopifyShopsEveryFifteenMinutesThroughTheReconcileRoute() {
        Map<String, Object> rule = map(map(resources.get("ReconcileSchedule")).get("Properties"));
        assertThat(rule.get("ScheduleExpression")).isEqualTo("rate(15 minutes)");
        Map<String, Object> destination = map(map(resources.get("ReconcileDestination")).get("Properties"));
        assertThat(destination.get("HttpMethod")).isEqualTo("POST");
        // !Sub values read as {Fn::Sub=…}
        assertThat(String.valueOf(destination.get("InvocationEndpoint")))
                .contains("${HttpApi.ApiEndpoint}/admin/v1/shopify/reconcile");
        Map<String, Object> connection = map(map(resources.get("ReconcileConnection")).get("Properties"));
        assertThat(String.valueOf(map(map(connection.get("AuthParameters")).get("ApiKeyAuthParameters")).get("ApiKeyValue")))
                .contains("Bearer {{resolve:secretsmanager:${SecretsArn}:SecretString:adminKey}}");
    }

    @Test
    void shouldUseEveryParameterAndGiveDefaultsThatPassTheirOwnRules() {
        Set<String> referenced = new HashSet<>();
        walk(template, "", new HashSet<>(), (path, guard, ref) -> referenced.add(ref));
        parameters.forEach((name, value) -> {
            Map<String, Object> p = map(value);
            assertThat(referenced).as("parameter " + name + " is used").contains(name);
            Object fallback = p.get("Default");
            if (fallback == null) {
                return;
            }
            if (p.containsKey("AllowedValues")) {
                assertThat(((List<?>) p.get("AllowedValues")).stream().map(String::valueOf))
                        .as(name).contains(String.valueOf(fallback));
            }
            if (p.containsKey("MinValue")) {
                assertThat(Double.parseDouble(fallback.toString())).as(name)
                        .isGreaterThanOrEqualTo(Double.parseDouble(p.get("MinValue").toString()));
            }
            if (p.containsKey("MaxValue")) {
                assertThat(Double.parseDouble(fallback.toString())).as(name)
                        .isLessThanOrEqualTo(Double.parseDouble(p.get("MaxValue").toString()));
            }
        });
    }

    @Test
    void shouldGiveTheFunctionEverySettingTheApplicationNeedsAndSecretsOnlyFromSecretsManager() {
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        Map<String, Object> variables = map(map(globals.get("Environment")).get("Variables"));
        assertThat(variables.keySet()).containsAll(REQUIRED_ENVIRONMENT);
        assertThat(variables.get("QUARKUS_REDIS_CLIENT_TYPE")).isEqualTo("cluster");
        for (String secret : SECRET_ENVIRONMENT) {
            assertThat(String.valueOf(variables.get(secret))).as(secret).contains("{{resolve:secretsmanager:");
        }
        parameters.forEach((name, value) -> {
            boolean secretLooking = name.matches("(?i).*(key|secret|password|token).*") && !name.endsWith("Arn");
            assertThat(secretLooking).as("parameter " + name + " must not carry a secret value").isFalse();
        });
        assertThat(String.valueOf(variables.get("QUARKUS_REDIS_HOSTS"))).contains("rediss://");
    }

    @Test
    void shouldDescribeBothFlavoursAsTheQuarkusBuildProducesThem() throws IOException {
        Map<String, Object> nativeFunction = map(map(resources.get("NativeFunction")).get("Properties"));
        Map<String, Object> jvmFunction = map(map(resources.get("JvmFunction")).get("Properties"));
        assertThat(nativeFunction.get("Runtime")).isEqualTo(LambdaBuild.NATIVE_RUNTIME);
        assertThat(map(map(nativeFunction.get("Environment")).get("Variables")).get("DISABLE_SIGNAL_HANDLERS"))
                .isEqualTo("true");
        assertThat(jvmFunction.get("Runtime")).isEqualTo(LambdaBuild.JVM_RUNTIME);
        assertThat(jvmFunction.get("Handler")).isEqualTo(LambdaBuild.JVM_HANDLER);
        assertThat(map(jvmFunction.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertThat(TEMPLATE.getParent().resolve((String) globals.get("CodeUri")).normalize())
                .isEqualTo(LambdaBuild.ARTIFACT.normalize());
        String readme = Files.readString(TEMPLATE.getParent().resolve("README.md"));
        assertThat(readme).contains(LambdaBuild.NATIVE_RUNTIME).contains("sam deploy --guided");
    }

    // ---- walking the template ------------------------------------------------------------------

    interface RefVisitor {
        void visit(String path, Set<Object> guard, String ref);
    }

    /** Visits every Ref, GetAtt and ${…} of Fn::Sub, with the conditions known true on the way there. */
    @SuppressWarnings("unchecked")
    static void walk(Object node, String path, Set<Object> guard, RefVisitor visitor) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> m = (Map<String, Object>) raw;
            if (m.size() == 1 && m.containsKey("Ref")) {
                visitor.visit(path, guard, (String) m.get("Ref"));
                return;
            }
            if (m.size() == 1 && m.containsKey("Fn::GetAtt")) {
                List<Object> getAtt = (List<Object>) m.get("Fn::GetAtt");
                visitor.visit(path, guard, getAtt.get(0) + "." + getAtt.get(1));
                return;
            }
            if (m.size() == 1 && m.containsKey("Fn::Sub")) {
                Object sub = m.get("Fn::Sub");
                String text = sub instanceof List<?> l ? (String) l.get(0) : (String) sub;
                Matcher refs = SUB_REFERENCE.matcher(text);
                while (refs.find()) {
                    visitor.visit(path, guard, refs.group(1));
                }
                if (sub instanceof List<?> l && l.size() > 1) {
                    walk(l.get(1), path, guard, visitor);
                }
                return;
            }
            if (m.size() == 1 && m.containsKey("Fn::If")) {
                List<Object> branches = (List<Object>) m.get("Fn::If");
                Set<Object> then = new HashSet<>(guard);
                then.add(branches.get(0));
                walk(branches.get(1), path + "/If(" + branches.get(0) + ")", then, visitor);
                Set<Object> otherwise = new HashSet<>(guard);
                otherwise.add("!" + branches.get(0));
                walk(branches.get(2), path + "/Else(" + branches.get(0) + ")", otherwise, visitor);
                return;
            }
            m.forEach((k, v) -> walk(v, path + "/" + k, guard, visitor));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", guard, visitor);
            }
        }
    }

    /** Whether {@code condition} is known true under {@code guard}: named there, or the negation of one negated there. */
    static boolean holds(Object condition, Set<Object> guard) {
        if (guard.contains(condition)) {
            return true;
        }
        Map<String, Object> definition = map(conditions.get(condition));
        if (definition.get("Fn::Not") instanceof List<?> not && not.get(0) instanceof Map<?, ?> inner) {
            return guard.contains("!" + inner.get("Condition"));
        }
        return false;
    }

    /** The condition of the resource or output a path lies in. */
    static Object conditionOf(String path) {
        String[] parts = path.split("/");
        if (parts.length > 2 && parts[1].equals("Resources")) {
            return map(resources.get(parts[2].replaceAll("\\[.*", ""))).get("Condition");
        }
        if (parts.length > 2 && parts[1].equals("Outputs")) {
            return map(map(template.get("Outputs")).get(parts[2])).get("Condition");
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static void collectConditions(Object node, Set<String> used) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> m = (Map<String, Object>) raw;
            m.forEach((k, v) -> {
                if (k.equals("Condition") && v instanceof String s) {
                    used.add(s);
                } else if (k.equals("Fn::If")) {
                    used.add((String) ((List<Object>) v).get(0));
                    collectConditions(v, used);
                } else {
                    collectConditions(v, used);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectConditions(item, used));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
