package io.toastcloud.compute.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.model.FloatingIp;
import io.toastcloud.compute.model.FloatingIpCreateResponse;
import io.toastcloud.compute.model.FloatingIpListResponse;
import io.toastcloud.compute.model.InstanceAddress;
import io.toastcloud.compute.model.IpVersion;
import io.toastcloud.compute.model.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Java names and types that say what they are (issue 13, item 4): one Java spelling per
 * concept, the schema's own spelling where a JSON name runs it together (spec/DECISIONS.md D33),
 * and one enum type per set of values. Scans every model the contract's schemas generate.
 */
class ConceptNamesTest {
    private static final ObjectMapper MAPPER = ToastComputeClient.objectMapper();

    private static List<Class<?>> models() throws ClassNotFoundException {
        List<Class<?>> models = new ArrayList<>();
        Contract.bundled().document().path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode s = schema.getValue();
            // A plain string or integer schema (Timestamp, SecretString) is inlined, not a class.
            if (s.has("properties") || s.has("enum") || s.has("oneOf") || s.has("allOf")) {
                try {
                    models.add(TimestampFieldsTest.modelClass(schema.getKey()));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("no model generated for schema " + schema.getKey(), e);
                }
            }
        });
        return models;
    }

    /** Java property name by JSON name, for every property of every model. */
    private static Map<String, Set<String>> javaNamesByModel() throws ClassNotFoundException {
        Map<String, Set<String>> names = new TreeMap<>();
        for (Class<?> model : models()) {
            if (model.isEnum() || model.isInterface()) {
                continue;
            }
            for (BeanPropertyDefinition p : MAPPER.getSerializationConfig().introspect(MAPPER.constructType(model)).findProperties()) {
                if (p.getGetter() != null) {
                    names.computeIfAbsent(model.getSimpleName(), k -> new TreeSet<>()).add(p.getGetter().getName());
                }
            }
        }
        return names;
    }

    @Test
    void noTwoGettersSpellOneConceptDifferently() throws Exception {
        Map<String, Set<String>> spellings = new TreeMap<>();
        javaNamesByModel().forEach((model, getters) -> getters.forEach(g ->
                spellings.computeIfAbsent(g.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(g)));
        spellings.values().removeIf(s -> s.size() == 1);
        assertEquals(Map.of(), spellings, "getters that differ only in case, across all models");
    }

    /** A property that names a schema (or a list of it) is spelled as that schema: floatingIp, not floatingip. */
    @Test
    void aPropertyNamedAfterASchemaIsSpelledAsTheSchema() throws Exception {
        Map<String, String> schemaSpelling = new HashMap<>();
        for (Class<?> model : models()) {
            String name = model.getSimpleName();
            schemaSpelling.put(name.toLowerCase(Locale.ROOT), name);
            schemaSpelling.put(name.toLowerCase(Locale.ROOT) + "s", name + "s");
        }
        List<String> wrong = new ArrayList<>();
        javaNamesByModel().forEach((model, getters) -> getters.forEach(g -> {
            String concept = schemaSpelling.get(g.substring(3).toLowerCase(Locale.ROOT));
            if (g.startsWith("get") && concept != null && !g.substring(3).equals(concept)) {
                wrong.add(model + "." + g + "() should be get" + concept + "()");
            }
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void theFloatingIpGettersAreRenamedAndTheWireNamesAreNot() throws Exception {
        assertNotNull(FloatingIpCreateResponse.class.getMethod("getFloatingIp"));
        assertNotNull(FloatingIpListResponse.class.getMethod("getFloatingIps"));
        assertThrows(NoSuchMethodException.class, () -> FloatingIpCreateResponse.class.getMethod("getFloatingip"));
        FloatingIpCreateResponse read = MAPPER.readValue("{\"floatingip\":{\"id\":\"f-1\"}}", FloatingIpCreateResponse.class);
        assertEquals("f-1", read.getFloatingIp().getId());
        assertTrue(MAPPER.writeValueAsString(read).contains("\"floatingip\":{"), "the JSON name is the service's");
        assertTrue(MAPPER.writeValueAsString(new FloatingIpListResponse().addFloatingIpsItem(new FloatingIp().id("f")))
                .contains("\"floatingips\":["));
    }

    /** Two enum types with the same values are one concept typed twice (Protocol/RuleProtocol, IP version). */
    @Test
    void noTwoEnumTypesHoldTheSameValues() throws Exception {
        Map<Set<String>, List<String>> typesByValues = new HashMap<>();
        for (Class<?> model : models()) {
            List<Class<?>> enums = new ArrayList<>(List.of(model.getDeclaredClasses()));
            enums.add(model);
            for (Class<?> e : enums) {
                if (!e.isEnum()) {
                    continue;
                }
                Set<String> values = new TreeSet<>();
                for (Object constant : e.getEnumConstants()) {
                    if (!((Enum<?>) constant).name().toLowerCase(Locale.ROOT).contains("unknown_default_open_api")) {
                        values.add(constant.toString());
                    }
                }
                typesByValues.computeIfAbsent(values, k -> new ArrayList<>()).add(e.getName());
            }
        }
        assertFalse(typesByValues.isEmpty());
        typesByValues.values().removeIf(types -> types.size() == 1);
        assertEquals(Map.of(), typesByValues, "enum types that carry the same values");
    }

    @Test
    void anAddressAndASubnetShareOneIpVersion() throws Exception {
        assertEquals(IpVersion.class, InstanceAddress.class.getMethod("getVersion").getReturnType());
        assertEquals(IpVersion.class, Subnet.class.getMethod("getIpVersion").getReturnType());
        assertEquals(IpVersion.NUMBER_4, MAPPER.readValue("{\"ipVersion\":4}", Subnet.class).getIpVersion());
    }
}
