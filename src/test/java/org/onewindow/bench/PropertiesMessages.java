package org.onewindow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.onewindow.platform.Messages;

/**
 * The message bundle outside Quarkus (benchmarks run in plain JVMs, where Qute's generated bundle
 * classes do not exist): reads the same ui/messages files and fills {param} placeholders.
 */
public final class PropertiesMessages {

    private PropertiesMessages() {
    }

    public static Messages load(String lang) {
        Properties texts = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("ui", "messages", "msg_" + lang + ".properties"))) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (Messages) Proxy.newProxyInstance(Messages.class.getClassLoader(), new Class<?>[] {Messages.class},
                (proxy, method, args) -> {
                    String text = texts.getProperty(method.getName(), method.getName());
                    Parameter[] params = method.getParameters();
                    for (int i = 0; args != null && i < args.length; i++) {
                        text = text.replace("{" + params[i].getName() + "}", String.valueOf(args[i]));
                    }
                    return text;
                });
    }
}
