package io.camelgewe.gewe.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The README's fenced code blocks, for the tests that run them as written. */
final class Readme {

    /** The README at the repository's top level; the tests run in camel-gewe-component/camel-gewe-spring-boot-starter. */
    static final Path FILE = Path.of("..", "..", "README.md");

    private Readme() {
    }

    /**
     * The one fenced block whose first line is {@code firstLine}, without its fences, ending with a line break.
     *
     * @throws AssertionError when there is none, or more than one
     */
    static String snippet(String firstLine) {
        List<String> found = new ArrayList<>();
        StringBuilder block = null;
        for (String line : lines()) {
            if (line.startsWith("```")) {
                if (block == null) {
                    block = new StringBuilder();
                } else {
                    String text = block.toString();
                    if (text.lines().findFirst().map(String::strip).orElse("").equals(firstLine)) {
                        found.add(text);
                    }
                    block = null;
                }
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("README.md should have one code block starting with '" + firstLine + "', found "
                                     + found.size());
        }
        return found.get(0);
    }

    /** Writes a snippet to a file, for Spring Boot to read as the application's configuration. */
    static Path write(String snippet, Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, snippet, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
