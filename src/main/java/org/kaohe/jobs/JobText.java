package org.kaohe.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.Wording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A job's message as {@code background_job.message} keeps it: typed, in no language, so each
 * reader of the job (the page's locale, the API's {@code Accept-Language}) has it worded in theirs.
 * Stored as JSON, {@code {"zh":{"key":…,"args":[…]},"en":{…}}}: what a message names (another
 * message: a kind of work, a rule problem) is stored worded in each language, a text among the
 * arguments of that language's message. A row written before messages were typed
 * holds plain text, shown as it is; so does a message too long for the column in JSON (a long list of
 * rule problems), kept in both languages and cut there.
 */
final class JobText {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The length of {@code background_job.message}. */
    static final int LIMIT = 2000;

    private JobText() {}

    /** The stored form of a message: in each language, what it names worded in that language. */
    static String stored(Message message) {
        var json = JSON.createObjectNode();
        json.set("zh", JSON.valueToTree(namedIn(message, Locale.SIMPLIFIED_CHINESE)));
        json.set("en", JSON.valueToTree(namedIn(message, Locale.ENGLISH)));
        String stored = json.toString();
        return stored.length() <= LIMIT ? stored : BackgroundJobs.clip(MessageText.bilingual(message));
    }

    /** The message with what it names ({@link Wording}: another message) worded in {@code locale}'s language. */
    private static Message namedIn(Message message, Locale locale) {
        return new Message(message.key(), message.argsWordedIn(locale));
    }

    /** The stored message worded for {@code reader}: both languages for a null reader; plain text as it is. */
    static String worded(String stored, Locale reader) {
        if (stored == null || !stored.startsWith("{\"zh\":")) {
            return stored;
        }
        try {
            JsonNode json = JSON.readTree(stored);
            Message chinese = message(json.get("zh"));
            Message english = message(json.get("en"));
            if (reader == null) {
                return MessageText.of(chinese, Locale.SIMPLIFIED_CHINESE) + " / " + MessageText.of(english, Locale.ENGLISH);
            }
            return MessageText.of(MessageText.english(reader) ? english : chinese, reader);
        } catch (JsonProcessingException | RuntimeException e) {
            return stored; // not a message of ours after all: shown as stored
        }
    }

    private static Message message(JsonNode node) {
        List<Object> args = new ArrayList<>();
        node.get("args").forEach(a -> args.add(a.asText()));
        return new Message(node.get("key").asText(), args);
    }
}
