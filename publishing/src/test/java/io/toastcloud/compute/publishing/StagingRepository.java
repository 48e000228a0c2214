package io.toastcloud.compute.publishing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The file repository the build stages publications in (root pom: toast.staging.repo), laid out
 * like a public Maven repository. A SNAPSHOT is stored under timestamped names; its latest files
 * are the ones the version's maven-metadata.xml lists.
 */
final class StagingRepository {

    private final Path root;

    StagingRepository(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path versionDirectory(String groupId, String artifactId, String version) {
        return root.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
    }

    /**
     * The staged files of one artifact, keyed "classifier.extension" (".jar" for the main jar,
     * "sources.jar", ".pom", "cyclonedx.json"); empty when nothing was staged for it.
     */
    Map<String, Path> files(String groupId, String artifactId, String version) {
        Path directory = versionDirectory(groupId, artifactId, version);
        Map<String, Path> files = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        if (!version.endsWith("-SNAPSHOT")) {
            throw new IllegalStateException("only SNAPSHOT staging is read here; a release names its files "
                    + artifactId + "-" + version + "[-classifier].ext");
        }
        Path metadata = directory.resolve("maven-metadata.xml");
        if (!Files.exists(metadata)) {
            return files;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(metadata.toFile());
            NodeList entries = document.getElementsByTagName("snapshotVersion");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                String classifier = text(entry, "classifier").orElse("");
                String extension = text(entry, "extension").orElseThrow();
                String value = text(entry, "value").orElseThrow();
                String name = artifactId + "-" + value + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
                files.put(classifier + "." + extension, directory.resolve(name));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + metadata + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static Optional<String> text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().trim());
    }
}
