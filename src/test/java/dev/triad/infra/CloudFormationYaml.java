package dev.triad.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation / SAM template, turning the short forms ({@code !Ref X}, {@code !Sub …},
 * {@code !GetAtt A.B}, {@code !If […]} …) into the long ones ({@code {Ref: X}}, {@code {Fn::Sub: …}}).
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path template) throws IOException {
        try (Reader in = Files.newBufferedReader(template)) {
            return (Map<String, Object>) new Yaml(new Constructor()).load(in);
        }
    }

    private static final class Constructor extends SafeConstructor {
        Constructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Short("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Short("Condition"));
            for (String name : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + name), new Short("Fn::" + name));
            }
        }

        private final class Short extends AbstractConstruct {
            private final String key;

            Short(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                    if (key.equals("Fn::GetAtt")) {
                        String text = (String) value;
                        int dot = text.indexOf('.');
                        value = List.of(text.substring(0, dot), text.substring(dot + 1));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
