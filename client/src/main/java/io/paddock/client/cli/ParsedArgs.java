package io.paddock.client.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command's words split into short options and positional arguments, the way zkCli's commons-
 * cli parser does: options may stand anywhere ({@code set /a x -v 3}), flags may be clustered
 * ({@code -sw}), a value may be attached ({@code -v3}) or follow, {@code --} ends the options, and
 * a negative number is an argument, not an option. The command name is positional argument 0.
 */
final class ParsedArgs {
  /** A word: unquoted, or in double or single quotes (zkCli's ARGS_PATTERN). */
  private static final Pattern WORD = Pattern.compile("\\s*([^\"']\\S*|\"[^\"]*\"|'[^']*')\\s*");

  private static final Pattern QUOTED = Pattern.compile("^(['\"])(.*)(\\1)$");
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

  private final Set<Character> flags = new HashSet<>();
  private final Map<Character, String> values = new HashMap<>();
  private final List<String> args = new ArrayList<>();

  private ParsedArgs() {}

  /**
   * Splits a shell line into words, dropping the quotes around a quoted word (zkCli's
   * parseCommand); an empty or blank line gives no words. A quoted word may hold blanks.
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    // trimmed: zkCli's pattern would take a lone blank for a word (an unknown command)
    Matcher matcher = WORD.matcher(line.strip());
    while (matcher.find()) {
      String word = matcher.group(1);
      if (QUOTED.matcher(word).matches()) {
        word = word.substring(1, word.length() - 1);
      }
      words.add(word);
    }
    return words;
  }

  /**
   * Parses a command's words.
   *
   * @param words the command name and its words
   * @param spec the option letters; a letter followed by {@code ':'} takes a value
   * @throws CliException for an unknown option or a missing value
   */
  static ParsedArgs parse(List<String> words, String spec) throws CliException {
    ParsedArgs parsed = new ParsedArgs();
    boolean optionsEnded = false;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (optionsEnded || i == 0 || !isOption(word)) {
        parsed.args.add(word);
      } else if (word.equals("--")) {
        optionsEnded = true;
      } else {
        i = parsed.option(words, i, spec);
      }
    }
    return parsed;
  }

  private static boolean isOption(String word) {
    return word.startsWith("-") && word.length() > 1 && !NEGATIVE_NUMBER.matcher(word).matches();
  }

  /** Reads the option cluster at {@code i}; returns the index of the last word it used. */
  private int option(List<String> words, int i, String spec) throws CliException {
    String word = words.get(i);
    for (int k = 1; k < word.length(); k++) {
      char letter = word.charAt(k);
      int at = spec.indexOf(letter);
      if (at < 0 || letter == ':') {
        throw new CliException("Unrecognized option: " + word);
      }
      boolean takesValue = at + 1 < spec.length() && spec.charAt(at + 1) == ':';
      if (!takesValue) {
        flags.add(letter);
        continue;
      }
      if (k + 1 < word.length()) {
        values.put(letter, word.substring(k + 1));
        return i;
      }
      if (i + 1 >= words.size()) {
        throw new CliException("Missing argument for option: " + letter);
      }
      values.put(letter, words.get(i + 1));
      return i + 1;
    }
    return i;
  }

  /** True when the flag or valued option was given. */
  boolean has(char option) {
    return flags.contains(option) || values.containsKey(option);
  }

  /** The value of an option, or null when it was not given. */
  String value(char option) {
    return values.get(option);
  }

  /** The number of positional arguments, the command name included. */
  int count() {
    return args.size();
  }

  /** Positional argument {@code index} (0 is the command name). */
  String arg(int index) {
    return args.get(index);
  }

  /** Positional argument {@code index}, or null when there are fewer. */
  String argOrNull(int index) {
    return index < args.size() ? args.get(index) : null;
  }

  /**
   * The value of an integer option, or the default when it was not given.
   *
   * @throws CliException when the value is not an int, with zkCli's message for such options
   */
  int intValue(char option, int defaultValue) throws CliException {
    String text = values.get(option);
    if (text == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new CliException("-" + option + " argument must be an int value");
    }
  }
}
