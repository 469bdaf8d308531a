package io.camelgewe.gewe;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweField;
import io.camelgewe.gewe.catalog.GeweFieldType;
import io.camelgewe.gewe.catalog.GeweOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed endpoint options of {@link GeweConfiguration} and the header constants of {@link GeweConstants} that
 * carry a request field (option {@code imgUrl}, header {@code CamelGeweImgUrl}) must agree with the catalog, the one
 * source of a field's name and type. Their metadata is read from the annotations Camel's tooling reads.
 * <p>
 * The rules:
 * <ul>
 * <li>A description may start with the operations it is for, then {@code ": "} ({@code "postEmoji, downloadEmojiMd5:
 * ..."}). Each name there must be an operation that has the field, and every operation of the message module that
 * has the field must be named: the typed options document messaging, so a message operation missing from the list is
 * a field a user cannot find. A description starting with prose instead ({@code "The appId ..."},
 * {@code "Set after a send: ..."}, {@code "gewe:callback: ..."}) names no operation and is for all of them.</li>
 * <li>The Java type must fit the field's type in every operation that has the field, since an option or header is
 * read by any operation with a field of its name: string is a String, integer an Integer or Long, number (GeWe's
 * 64-bit ids) a Long, boolean a Boolean, array&lt;string&gt; a String (comma-separated) or a List; object fields have
 * no typed option. Where operations give the field different types ({@code type}: integer in downloadImage, string in
 * downloadCdn), an option must be a String, which every operation converts to its own type when the endpoint is
 * created. A header carries an object, not text: a Long or Integer header also fits a string field, because the
 * component writes a number's exact decimal text (GeWe takes revokeMsg's ids as strings; after a send they are
 * numbers).</li>
 * </ul>
 */
class GeweOptionsMatchCatalogTest {

    /** An operation's name as descriptions write it: an action, or module/action. */
    private static final Pattern OPERATION_NAME = Pattern.compile("[a-z][A-Za-z0-9]*(/[a-z][A-Za-z0-9]*)?");

    private static final Map<GeweFieldType, Set<String>> OPTION_FITS = Map.of(
            GeweFieldType.STRING, Set.of("String"),
            GeweFieldType.INTEGER, Set.of("Integer", "int", "Long", "long"),
            GeweFieldType.NUMBER, Set.of("Long", "long", "BigInteger", "BigDecimal"),
            GeweFieldType.BOOLEAN, Set.of("Boolean", "boolean"),
            GeweFieldType.STRING_ARRAY, Set.of("String", "List"),
            GeweFieldType.OBJECT, Set.of(),
            GeweFieldType.OBJECT_ARRAY, Set.of());

    private static final Set<String> WHOLE_NUMBERS = Set.of("Integer", "int", "Long", "long");

    private final GeweCatalog catalog = GeweCatalog.get();

    @Test
    void everyTypedOptionOfAFieldAgreesWithTheCatalog() {
        List<String> drift = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Field f : GeweConfiguration.class.getDeclaredFields()) {
            UriParam p = f.getAnnotation(UriParam.class);
            String name = p == null ? null : p.name().isEmpty() ? f.getName() : p.name();
            if (name == null || !catalog.isFieldName(name)) {
                continue;
            }
            checked.add(name);
            check("option " + name, name, f.getType().getSimpleName(), p.description(), false, drift);
        }
        assertFalse(checked.isEmpty(), "no @UriParam of GeweConfiguration is named after a request field");
        assertTrue(drift.isEmpty(), String.join("\n", drift));
    }

    @Test
    void everyHeaderOfAFieldAgreesWithTheCatalog() throws IllegalAccessException {
        List<String> drift = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Field f : GeweConstants.class.getDeclaredFields()) {
            Metadata m = f.getAnnotation(Metadata.class);
            if (m == null || !Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
                continue;
            }
            String header = (String) f.get(null);
            String name = fieldOf(header);
            if (name == null || !catalog.isFieldName(name)) {
                continue;
            }
            checked.add(header);
            check("header " + header + " (GeweConstants." + f.getName() + ")", name,
                    m.javaType().replace("java.lang.", ""), m.description(), true, drift);
        }
        assertFalse(checked.isEmpty(), "no @Metadata constant of GeweConstants names a request field");
        assertTrue(drift.isEmpty(), String.join("\n", drift));
    }

    /** The request field a header carries: {@code toWxid} for {@code CamelGeweToWxid}; null for other names. */
    private static String fieldOf(String header) {
        if (!header.startsWith(GeweField.HEADER_PREFIX) || header.length() == GeweField.HEADER_PREFIX.length()) {
            return null;
        }
        String rest = header.substring(GeweField.HEADER_PREFIX.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private void check(String what, String field, String javaType, String description, boolean header,
                       List<String> drift) {
        List<GeweOperation> having = catalog.operations().stream().filter(op -> op.field(field) != null).toList();
        Set<GeweFieldType> types = having.stream().map(op -> op.field(field).type())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(GeweFieldType.class)));
        if (!header && types.size() > 1) {
            if (!"String".equals(javaType)) {
                drift.add(what + " is a " + javaType + ", but operations give " + field + " the types " + names(types)
                          + ": only a String fits them all");
            }
        } else {
            for (GeweOperation op : having) {
                GeweFieldType t = op.field(field).type();
                boolean fits = OPTION_FITS.get(t).contains(javaType)
                               || header && t == GeweFieldType.STRING && WHOLE_NUMBERS.contains(javaType);
                if (!fits) {
                    drift.add(what + " is a " + javaType + ", but " + op.qualifiedName() + "." + field + " is "
                              + t.catalogName());
                }
            }
        }
        List<String> named = namedOperations(description);
        if (named == null) {
            return;
        }
        Set<String> namedQualified = new TreeSet<>();
        for (String n : named) {
            GeweOperation op;
            try {
                op = catalog.find(n);
            } catch (IllegalArgumentException e) {
                // the catalog's refusal goes on to list every valid name: its first sentence says enough here
                String why = e.getMessage();
                int end = why.indexOf(". ");
                drift.add(what + "'s description names " + n + ": " + (end > 0 ? why.substring(0, end) : why));
                continue;
            }
            namedQualified.add(op.qualifiedName());
            if (op.field(field) == null) {
                drift.add(what + "'s description names " + n + ", which has no field " + field);
            }
        }
        for (GeweOperation op : having) {
            if ("message".equals(op.module()) && !namedQualified.contains(op.qualifiedName())) {
                drift.add(what + "'s description does not name " + catalog.uriName(op) + ", which has the field "
                          + field + ": " + description);
            }
        }
    }

    /**
     * The operations a description starts with ({@code "postLink, postMiniApp: the card title."}), or null when it
     * starts with prose and so names none.
     */
    static List<String> namedOperations(String description) {
        int colon = description.indexOf(": ");
        if (colon < 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : description.substring(0, colon).split(",")) {
            String name = part.trim();
            if (!OPERATION_NAME.matcher(name).matches()) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    private static String names(Set<GeweFieldType> types) {
        return types.stream().map(GeweFieldType::catalogName).collect(Collectors.joining(", "));
    }
}
