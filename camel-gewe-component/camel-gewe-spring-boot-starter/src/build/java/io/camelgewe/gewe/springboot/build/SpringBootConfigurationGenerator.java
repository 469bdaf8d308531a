package io.camelgewe.gewe.springboot.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the starter's {@code GeweComponentConfiguration} (the {@code @ConfigurationProperties} class Spring Boot binds
 * {@code camel.component.gewe.*} into) and its {@code META-INF/spring-configuration-metadata.json} from the
 * component's {@code gewe.json}, the option metadata camel-component-maven-plugin generated from the component's
 * {@code @Metadata} and {@code @UriParam} annotations. Run at build time (exec-maven-plugin, generate-sources) as a
 * Java source program, with the starter's compile classpath: camel-gewe's jar (or classes) and Jackson.
 * <p>
 * Every option is described once, in the component: a renamed, retyped or new option reaches Spring Boot, its
 * metadata and the IDEs with the next build. Object options (a worker pool, a repository, TLS parameters...) bind as
 * text, a reference to a bean ({@code #name}), which Camel resolves when it configures the component; so the bean
 * itself, whose getters may hold secrets of its own, never shows in {@code /actuator/configprops}.
 * <p>
 * Arguments: the folder the Java source goes under, and the metadata file to write.
 */
public final class SpringBootConfigurationGenerator {

    private static final String COMPONENT_JSON = "META-INF/io/camelgewe/gewe/gewe.json";
    private static final String PACKAGE = "io.camelgewe.gewe.springboot";
    private static final String CLASS = "GeweComponentConfiguration";
    private static final String PREFIX = "camel.component.gewe";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpringBootConfigurationGenerator() {
    }

    /** One option of the component, as Spring Boot binds it. */
    private record Option(String name, String javaType, String springType, String beanType, JsonNode json) {

        String kebab() {
            return name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
        }

        String description() {
            String text = json.path("description").asText("").strip();
            return beanType == null ? text
                    : text + " A reference to a bean of type " + beanType + ": #beanName (or #bean:beanName).";
        }

        String accessor() {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        boolean secret() {
            return json.path("secret").asBoolean(false);
        }
    }

    /**
     * @param args the source folder, the metadata file
     * @throws IOException when gewe.json cannot be read or an output cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SpringBootConfigurationGenerator <source folder> <metadata file>");
        }
        JsonNode model;
        try (InputStream in = SpringBootConfigurationGenerator.class.getClassLoader().getResourceAsStream(COMPONENT_JSON)) {
            if (in == null) {
                throw new IllegalStateException(COMPONENT_JSON + " is not on the classpath: camel-gewe must be built first");
            }
            model = JSON.readTree(in);
        }
        List<Option> options = options(model.path("componentProperties"));
        if (options.isEmpty()) {
            throw new IllegalStateException(COMPONENT_JSON + " lists no componentProperties");
        }
        Path source = Path.of(args[0], PACKAGE.replace('.', '/'), CLASS + ".java");
        write(source, javaSource(model.path("component"), options));
        write(Path.of(args[1]), JSON.writeValueAsString(metadata(options)) + "\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        // unchanged output keeps its timestamp, so the compiler does not see a change that is not one
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * The options in gewe.json's order, except that the ones other options are fields of (configuration) come
     * first: set after them, a configuration bean would replace what they set.
     */
    private static List<Option> options(JsonNode properties) {
        Set<String> holders = new LinkedHashSet<>();
        properties.forEach(p -> {
            if (p.hasNonNull("configurationField")) {
                holders.add(p.get("configurationField").asText());
            }
        });
        List<Option> first = new ArrayList<>();
        List<Option> rest = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            Option option = option(e.getKey(), e.getValue());
            (holders.contains(option.name()) ? first : rest).add(option);
        }
        first.addAll(rest);
        return first;
    }

    private static Option option(String name, JsonNode p) {
        String javaType = p.path("javaType").asText();
        String type = p.path("type").asText();
        return switch (type) {
            case "boolean" -> new Option(name, javaType, "java.lang.Boolean", null, p);
            case "integer", "number" -> new Option(name, javaType, boxed(javaType), null, p);
            case "string", "duration" -> new Option(name, javaType, "java.lang.String", null, p);
            // an enum class binds as itself (Spring accepts any case); a String with a list of values stays a String
            case "enum" -> new Option(name, javaType, javaType, null, p);
            case "object" -> new Option(name, javaType, "java.lang.String", javaType, p);
            default -> throw new IllegalStateException("option " + name + ": type " + type + " is not handled");
        };
    }

    private static String boxed(String javaType) {
        return switch (javaType) {
            case "int", "java.lang.Integer" -> "java.lang.Integer";
            case "long", "java.lang.Long" -> "java.lang.Long";
            case "double", "java.lang.Double" -> "java.lang.Double";
            default -> throw new IllegalStateException("numeric type " + javaType + " is not handled");
        };
    }

    // ---------------------------------------------------------------------------------------------------- Java

    private static String javaSource(JsonNode component, List<Option> options) {
        StringBuilder java = new StringBuilder();
        java.append("/* Generated from camel-gewe's gewe.json by SpringBootConfigurationGenerator (src/build) - do not edit. */\n");
        java.append("package ").append(PACKAGE).append(";\n\n");
        java.append("import java.util.LinkedHashMap;\nimport java.util.Map;\nimport java.util.Set;\n\n");
        java.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n");
        java.append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n");
        java.append("/**\n * ").append(javadoc(component.path("description").asText())).append('\n');
        java.append(" * <p>\n * The gewe component's options under {@code ").append(PREFIX).append(".*}, in kebab-case or camelCase: ")
                .append("what is set here is set on the component (and on its {@code configuration}, which every ")
                .append("endpoint copies); what is left unset keeps the component's default. Object options are ")
                .append("bean references ({@code #name}).\n */\n");
        java.append("@ConfigurationProperties(prefix = \"").append(PREFIX).append("\")\n");
        java.append("public class ").append(CLASS).append(" extends ComponentConfigurationPropertiesCommon {\n\n");
        java.append("    /** The component's options, by their Camel names. */\n");
        java.append("    public static final Set<String> OPTIONS = Set.of(")
                .append(quoted(options.stream().map(Option::name).toList())).append(");\n\n");
        java.append("    /** The options whose values are secrets: never shown, never logged. */\n");
        java.append("    public static final Set<String> SECRET_OPTIONS = Set.of(")
                .append(quoted(options.stream().filter(Option::secret).map(Option::name).toList())).append(");\n\n");
        for (Option o : options) {
            java.append("    /** ").append(javadoc(o.description())).append(" */\n");
            java.append("    private ").append(o.springType()).append(' ').append(o.name()).append(";\n\n");
        }
        java.append("    /**\n     * The options that were set, by their Camel names, for Camel to set on the component: the ones other ")
                .append("options are\n     * fields of first, so that those apply to what they hold.\n     *\n")
                .append("     * @return a new map, in the order to apply\n     */\n");
        java.append("    public Map<String, Object> componentOptions() {\n");
        java.append("        Map<String, Object> options = new LinkedHashMap<>();\n");
        for (Option o : options) {
            java.append("        if (").append(o.name()).append(" != null) {\n");
            java.append("            options.put(\"").append(o.name()).append("\", ").append(o.name()).append(");\n");
            java.append("        }\n");
        }
        java.append("        return options;\n    }\n");
        for (Option o : options) {
            java.append("\n    /**\n     * ").append(javadoc(o.description())).append("\n     *\n     * @return the value set, or null\n     */\n");
            java.append("    public ").append(o.springType()).append(" get").append(o.accessor()).append("() {\n");
            java.append("        return ").append(o.name()).append(";\n    }\n\n");
            java.append("    /**\n     * Sets {@code ").append(o.name()).append("}: see {@link #get").append(o.accessor())
                    .append("()}.\n     *\n     * @param ").append(o.name()).append(" the value\n     */\n");
            java.append("    public void set").append(o.accessor()).append('(').append(o.springType()).append(' ')
                    .append(o.name()).append(") {\n");
            java.append("        this.").append(o.name()).append(" = ").append(o.name()).append(";\n    }\n");
        }
        java.append("}\n");
        return java.toString();
    }

    private static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : new TreeSet<>(names)) {
            sb.append(sb.isEmpty() ? "" : ", ").append('"').append(n).append('"');
        }
        return sb.toString();
    }

    private static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }

    // ------------------------------------------------------------------------------------------------ metadata

    private static ObjectNode metadata(List<Option> options) {
        String sourceType = PACKAGE + "." + CLASS;
        ObjectNode root = JSON.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        groups.addObject().put("name", PREFIX).put("type", sourceType).put("sourceType", sourceType);
        groups.addObject().put("name", PREFIX + ".customizer")
                .put("type", "org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon$CustomizerProperties")
                .put("sourceType", sourceType).put("sourceMethod", "getCustomizer()");
        ArrayNode properties = root.putArray("properties");
        // camel-spring-boot's switches, inherited from ComponentConfigurationPropertiesCommon
        properties.addObject().put("name", PREFIX + ".enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether to enable auto configuration of the gewe component. This is enabled by default.")
                .put("sourceType", sourceType).put("defaultValue", true);
        properties.addObject().put("name", PREFIX + ".customizer.enabled").put("type", "java.lang.Boolean")
                .put("description", "Whether the camel.component.gewe.* options are set on the gewe component. This is enabled by default.")
                .put("sourceType", "org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon$CustomizerProperties")
                .put("defaultValue", true);
        ArrayNode hints = root.putArray("hints");
        for (Option o : options) {
            ObjectNode p = properties.addObject();
            p.put("name", PREFIX + "." + o.kebab());
            p.put("type", o.springType());
            p.put("description", o.description());
            p.put("sourceType", sourceType);
            JsonNode def = o.json().get("defaultValue");
            if (def != null && !def.isNull()) {
                p.set("defaultValue", def);
            }
            if (o.beanType() != null) {
                ObjectNode hint = hints.addObject().put("name", PREFIX + "." + o.kebab());
                hint.putArray("providers").addObject().put("name", "spring-bean-reference").putObject("parameters")
                        .put("target", o.beanType().replaceAll("<.*>", ""));
            } else if (o.json().has("enum") && "java.lang.String".equals(o.springType())) {
                ArrayNode values = hints.addObject().put("name", PREFIX + "." + o.kebab()).putArray("values");
                o.json().get("enum").forEach(v -> values.addObject().put("value", v.asText()));
            }
        }
        return root;
    }
}
