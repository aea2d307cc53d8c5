package org.onewindow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message bundle for code that runs outside Quarkus (the scenario command line, benchmarks),
 * where Qute's generated bundle classes do not exist: it reads the same
 * {@code messages/msg_<lang>.properties} from the classpath and fills the {@code {param}}
 * placeholders by parameter name. Inside the application, Qute's bundle is used.
 */
public final class MessageFiles {

    private MessageFiles() {
    }

    public static Messages load(String lang) {
        Properties texts = new Properties();
        String resource = "messages/msg_" + lang + ".properties";
        try (InputStream in = MessageFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Method, Template> templates = new ConcurrentHashMap<>();
        return (Messages) Proxy.newProxyInstance(Messages.class.getClassLoader(), new Class<?>[] {Messages.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(texts, args);
                    }
                    return templates.computeIfAbsent(method, m -> template(m, texts.getProperty(m.getName()), resource))
                            .fill(args);
                });
    }

    /**
     * A message split once at its {@code {param}} placeholders (the notice formats dozens of
     * messages per decision: reading parameter names by reflection and replacing on every call was
     * a fifth of a benchmark's single-matter decision).
     */
    private record Template(String[] texts, int[] args) {
        String fill(Object[] values) {
            StringBuilder out = new StringBuilder(texts[0]);
            for (int i = 0; i < args.length; i++) {
                out.append(String.valueOf(values[args[i]])).append(texts[i + 1]);
            }
            return out.toString();
        }
    }

    private static Template template(Method method, String text, String resource) {
        if (text == null) {
            throw new IllegalStateException("missing message '" + method.getName() + "' in " + resource);
        }
        Parameter[] params = method.getParameters();
        java.util.List<String> texts = new java.util.ArrayList<>();
        java.util.List<Integer> args = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            // the earliest placeholder of any parameter from here on
            int at = -1;
            int arg = -1;
            for (int i = 0; i < params.length; i++) {
                int found = text.indexOf("{" + params[i].getName() + "}", from);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    arg = i;
                }
            }
            if (at < 0) {
                texts.add(text.substring(from));
                break;
            }
            texts.add(text.substring(from, at));
            args.add(arg);
            from = at + params[arg].getName().length() + 2;
        }
        return new Template(texts.toArray(String[]::new), args.stream().mapToInt(Integer::intValue).toArray());
    }
}
