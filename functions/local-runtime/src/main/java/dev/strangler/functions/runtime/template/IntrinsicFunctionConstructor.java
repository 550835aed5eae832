package dev.strangler.functions.runtime.template;

import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation's short forms ({@code !Ref X}, {@code !Sub ...}, {@code !GetAtt ...}) as
 * their long forms ({@code {Ref: X}}, {@code {Fn::Sub: ...}}), so that both spellings reach the
 * resolver alike. A plain YAML reader rejects the unknown tags.
 */
final class IntrinsicFunctionConstructor extends SafeConstructor {

  IntrinsicFunctionConstructor(LoaderOptions options) {
    super(options);
    yamlMultiConstructors.put("!", new LongForm());
  }

  private final class LongForm extends AbstractConstruct {
    @Override
    public Object construct(Node node) {
      String function = node.getTag().getValue().substring(1);
      String key = function.equals("Ref") ? "Ref" : "Fn::" + function;
      Object argument;
      if (node instanceof ScalarNode scalar) {
        argument = constructScalar(scalar);
      } else if (node instanceof SequenceNode sequence) {
        argument = constructSequence(sequence);
      } else {
        argument = constructMapping((MappingNode) node);
      }
      return Map.of(key, argument);
    }
  }
}
