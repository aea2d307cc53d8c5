package org.onewindow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The message bundle outside Quarkus fills each message from a template split once: every message
 * of both languages, with every parameter, must read exactly as replacing its placeholders does.
 */
class MessageFilesTest {

    @Test
    void everyMessageFillsItsPlaceholdersAsBefore() throws Exception {
        int checked = 0;
        for (String lang : new String[] {"zh", "en"}) {
            Messages messages = MessageFiles.load(lang);
            Properties texts = new Properties();
            try (var in = MessageFiles.class.getClassLoader().getResourceAsStream("messages/msg_" + lang + ".properties")) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Method method : Messages.class.getMethods()) {
                if (method.getDeclaringClass() != Messages.class || method.isDefault()
                        || java.lang.reflect.Modifier.isStatic(method.getModifiers())
                        || texts.getProperty(method.getName()) == null) {
                    continue;
                }
                Parameter[] params = method.getParameters();
                Object[] args = new Object[params.length];
                String expected = texts.getProperty(method.getName());
                boolean plain = true;
                for (int i = 0; i < params.length; i++) {
                    if (params[i].getType() != String.class && params[i].getType() != Object.class) {
                        plain = false;
                        break;
                    }
                    args[i] = "⟨" + i + "⟩";
                    expected = expected.replace("{" + params[i].getName() + "}", (String) args[i]);
                }
                if (!plain) {
                    continue;
                }
                assertEquals(expected, method.invoke(messages, args), lang + " " + method.getName());
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked);
    }
}
