package io.palisade.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.log.Message;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks a module's message catalogue (its {@code *Messages} class) against the log-message reference. */
public final class MessageCatalogues {

    private MessageCatalogues() {
    }

    /** The messages {@code catalogue} declares (its static {@link Message} fields). */
    public static List<Message> messages(Class<?> catalogue) throws IllegalAccessException {
        List<Message> messages = new ArrayList<>();
        for (Field field : catalogue.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Message.class) {
                field.setAccessible(true);
                messages.add((Message) field.get(null));
            }
        }
        return messages;
    }

    /**
     * Every message of {@code catalogue} has a row in {@code docs/reference/log-messages.md} (read from
     * the module's folder, one level below the project's root), and its text is a pattern that formats.
     */
    public static void assertDocumented(Class<?> catalogue) throws IOException, IllegalAccessException {
        // The ids in the first cell of the reference's table rows.
        java.util.Set<String> documented = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "reference", "log-messages.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("| PAL")) {
                documented.add(line.substring(2, line.indexOf(' ', 2)));
            }
        }
        List<Message> messages = messages(catalogue);
        assertThat(messages).as(catalogue.getSimpleName()).isNotEmpty();
        for (Message message : messages) {
            assertThat(documented).as("docs/reference/log-messages.md has a row for " + message.id()).contains(message.id());
            assertThat(message.category()).startsWith("io.palisade.");
        }
    }
}
