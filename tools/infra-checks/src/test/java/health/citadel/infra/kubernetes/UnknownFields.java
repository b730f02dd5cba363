package health.citadel.infra.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * fabric8's model keeps a field it does not know in the object's {@code additionalProperties} instead of refusing
 * it (and a value of the wrong type too), so a misspelled {@code readOnlyRootFilesystm} would load as a manifest
 * without the setting. This walks every object of a loaded manifest and names each such field with its path.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /** @return one line per object that holds fields the model does not know, e.g. {@code spec.template...: [x]} */
    static List<String> in(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> walk(entry, path + "." + key, found, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", found, seen);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!ours(type) || !seen.add(value)) {
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                walk(invoke(component.getAccessor(), value), path + "." + component.getName(), found, seen);
            }
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")
                    || getter.getName().length() == 3 || leaf(getter.getReturnType())) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "." : path) + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String name = getter.getName().substring(3);
            walk(property, path + "." + name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1), found, seen);
        }
    }

    private static boolean ours(Class<?> type) {
        return type.getName().startsWith("io.fabric8.") || type.getName().startsWith("health.citadel.");
    }

    private static boolean leaf(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type == String.class || Number.class.isAssignableFrom(type)
                || type == Boolean.class || type == Class.class;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter + " of " + target.getClass().getName(), e);
        }
    }
}
