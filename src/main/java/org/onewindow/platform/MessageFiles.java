package org.onewindow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

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
        return (Messages) Proxy.newProxyInstance(Messages.class.getClassLoader(), new Class<?>[] {Messages.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(texts, args);
                    }
                    String text = texts.getProperty(method.getName());
                    if (text == null) {
                        throw new IllegalStateException("missing message '" + method.getName() + "' in " + resource);
                    }
                    Parameter[] params = method.getParameters();
                    for (int i = 0; args != null && i < args.length; i++) {
                        text = text.replace("{" + params[i].getName() + "}", String.valueOf(args[i]));
                    }
                    return text;
                });
    }
}
