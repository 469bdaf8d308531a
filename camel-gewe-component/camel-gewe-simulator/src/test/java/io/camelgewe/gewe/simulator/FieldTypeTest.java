package io.camelgewe.gewe.simulator;

import java.math.BigInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's own reading of the catalog's field types: every name the catalog uses, and nothing else. */
class FieldTypeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyTypeOfTheCatalogIsKnownAndANewOneIsRefused() {
        // reading the whole catalog fails on any type name it does not know
        assertEquals(132, SimCatalog.get().operations().size());
        assertEquals(FieldType.STRING_ARRAY, FieldType.ofCatalogName("array<string>"));
        assertThrows(IllegalArgumentException.class, () -> FieldType.ofCatalogName("array<integer>"));
        assertThrows(IllegalArgumentException.class, () -> FieldType.ofCatalogName("null"));
    }

    @Test
    void sixtyFourBitIdsAndLargerPassExactlyAndTextNeverPassesForANumber() throws Exception {
        JsonNode id = MAPPER.readTree("14201484806563242090");
        assertTrue(id.bigIntegerValue().equals(new BigInteger("14201484806563242090")), "read exact, not as a double");
        assertTrue(FieldType.INTEGER.accepts(id));
        assertTrue(FieldType.NUMBER.accepts(id));
        assertTrue(FieldType.NUMBER.accepts(MAPPER.readTree("1.5")));
        assertFalse(FieldType.INTEGER.accepts(MAPPER.readTree("1.5")));
        assertFalse(FieldType.INTEGER.accepts(MAPPER.readTree("\"10\"")));
        assertFalse(FieldType.BOOLEAN.accepts(MAPPER.readTree("\"true\"")));
        assertEquals("integer", FieldType.nameOf(id));
        assertEquals("string", FieldType.nameOf(MAPPER.readTree("\"10\"")));
    }
}
