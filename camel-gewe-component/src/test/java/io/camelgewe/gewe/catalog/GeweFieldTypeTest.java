package io.camelgewe.gewe.catalog;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeweFieldTypeTest {

    @Test
    void integersStayExactAt64Bits() {
        assertEquals(8992614056172360123L, GeweFieldType.INTEGER.coerce("8992614056172360123"));
        assertEquals(8992614056172360123L, GeweFieldType.INTEGER.coerce(8992614056172360123L));
        assertEquals(new BigInteger("18446744073709551615"), GeweFieldType.NUMBER.coerce("18446744073709551615"));
        assertEquals(10L, GeweFieldType.INTEGER.coerce(" 10 "));
        assertEquals(7L, GeweFieldType.INTEGER.coerce(JsonNodeFactory.instance.numberNode(7L)));
    }

    @Test
    void badNumbersAreRefusedSayingWhatCame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeweFieldType.INTEGER.coerce("ten"));
        assertEquals("expected an integer, got 'ten'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GeweFieldType.INTEGER.coerce("1.5"));
        assertEquals("expected an integer, got '1.5'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeweFieldType.INTEGER.coerce(List.of(1)));
    }

    @Test
    void stringsTakeNumbersAsTextAndListsCommaJoined() {
        // revokeMsg takes its 64-bit ids as strings
        assertEquals("8992614056172360123", GeweFieldType.STRING.coerce(8992614056172360123L));
        // group/inviteMember.wxids is a comma-separated string
        assertEquals("wxid_a,wxid_b", GeweFieldType.STRING.coerce(List.of("wxid_a", "wxid_b")));
        assertThrows(IllegalArgumentException.class, () -> GeweFieldType.STRING.coerce(Map.of()));
    }

    @Test
    void arraysTakeListsAndCommaSeparatedText() {
        assertEquals(List.of("a", "b"), GeweFieldType.STRING_ARRAY.coerce("a, b"));
        assertEquals(List.of("a", "b"), GeweFieldType.STRING_ARRAY.coerce(List.of("a", "b")));
        assertEquals(List.of("a", "b"), GeweFieldType.STRING_ARRAY.coerce(new String[] { "a", "b" }));
    }

    @Test
    void booleansAreStrict() {
        assertEquals(Boolean.TRUE, GeweFieldType.BOOLEAN.coerce("TRUE"));
        assertEquals(Boolean.FALSE, GeweFieldType.BOOLEAN.coerce(false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeweFieldType.BOOLEAN.coerce("yes"));
        assertTrue(e.getMessage().contains("true or false"));
    }

    @Test
    void everyCatalogTypeIsKnown() {
        for (GeweOperation op : GeweCatalog.get().operations()) {
            for (GeweField f : op.fields()) {
                assertEquals(f.type(), GeweFieldType.ofCatalogName(f.type().catalogName()));
            }
        }
        assertEquals(2L, GeweCatalog.get().find("downloadImage").field("type").defaultValue());
        assertEquals(Boolean.TRUE, GeweCatalog.get().find("snsList").field("decrypt").defaultValue());
    }
}
