package io.toastcloud.compute.publishing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** A POM read as XML, with just the look-ups the publication checks need (no interpolation). */
final class PomFile {

    private final Path file;
    private final Element project;

    private PomFile(Path file, Element project) {
        this.file = file;
        this.project = project;
    }

    static PomFile read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return new PomFile(file, document.getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read the POM " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** Text of a child path such as "scm/url" below <project>, if present and not blank. */
    Optional<String> text(String path) {
        Element element = project;
        for (String name : path.split("/")) {
            element = child(element, name);
            if (element == null) {
                return Optional.empty();
            }
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The texts of every element at path/name, e.g. ("modules", "module"). */
    List<String> texts(String path, String name) {
        List<String> values = new ArrayList<>();
        Element parent = project;
        for (String part : path.split("/")) {
            parent = parent == null ? null : child(parent, part);
        }
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals(name)) {
                    values.add(element.getTextContent().trim());
                }
            }
        }
        return values;
    }

    String artifactId() {
        return text("artifactId").orElseThrow(() -> new IllegalStateException(file + " has no artifactId"));
    }

    String groupId() {
        return text("groupId").or(() -> text("parent/groupId"))
                .orElseThrow(() -> new IllegalStateException(file + " has no groupId"));
    }

    String version() {
        return text("version").or(() -> text("parent/version"))
                .orElseThrow(() -> new IllegalStateException(file + " has no version"));
    }

    String packaging() {
        return text("packaging").orElse("jar");
    }

    /** A module marked maven.deploy.skip=true is not published (tests, benchmarks). */
    boolean published() {
        return !text("properties/maven.deploy.skip").map("true"::equals).orElse(false);
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
