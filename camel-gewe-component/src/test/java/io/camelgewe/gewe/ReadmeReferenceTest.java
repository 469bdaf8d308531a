package io.camelgewe.gewe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweField;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.model.GeweRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's table of operations is generated from the catalog. This test fails when the table and the catalog
 * differ; {@value #UPDATE} rewrites the table (-am: the component's tests need the simulator module, which a fresh
 * clone has not installed; no other module has this test).
 */
class ReadmeReferenceTest {

    private static final String START = "<!-- operations:start (generated from the catalog by ReadmeReferenceTest) -->";
    private static final String END = "<!-- operations:end -->";
    private static final String UPDATE = "mvn test -pl camel-gewe-component -am -Dtest=ReadmeReferenceTest "
                                         + "-Dsurefire.failIfNoSpecifiedTests=false -Dgewe.readme.update=true";

    @Test
    void theReadmeListsEveryOperationAsTheCatalogDescribesIt() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int s = text.indexOf(START);
        int e = text.indexOf(END);
        String generated = table();
        if (Boolean.getBoolean("gewe.readme.update")) {
            text = s < 0 ? text + "\n" + START + "\n" + generated + END + "\n"
                    : text.substring(0, s + START.length()) + "\n" + generated + text.substring(e);
            Files.writeString(readme, text, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, s < 0 || e < 0 ? "(no generated section)" : text.substring(s + START.length() + 1, e),
                "README.md's operation table is out of date: run " + UPDATE);
    }

    static String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| URI | GeWe's summary | fields (* required) | request | result |\n");
        sb.append("| --- | --- | --- | --- | --- |\n");
        GeweCatalog catalog = GeweCatalog.get();
        for (GeweOperation op : catalog.operations()) {
            String name = catalog.uriName(op);
            sb.append("| `gewe:").append(name).append("` | ").append(op.summary()).append(" | ")
                    .append(op.fields().stream().map(ReadmeReferenceTest::field).collect(Collectors.joining(", ")))
                    .append(" | ").append(op.requestType() == GeweRequest.class ? "GeweRequest"
                            : "`" + op.requestType().getSimpleName() + "`")
                    .append(" | ").append(op.resultType() == JsonNode.class ? "JsonNode"
                            : "`" + op.resultType().getSimpleName() + "`")
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String field(GeweField f) {
        return f.name() + (f.required() ? "*" : "") + " " + f.type().catalogName().replace("<", "&lt;").replace(">", "&gt;");
    }
}
