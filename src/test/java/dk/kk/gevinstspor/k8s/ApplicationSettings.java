package dk.kk.gevinstspor.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.kk.gevinstspor.common.config.GevinstsporConfig;
import io.smallrye.config.WithName;

/** What the application reads, as the manifests must give it: its environment variables and its version. */
final class ApplicationSettings {

    private ApplicationSettings() {
    }

    /**
     * Environment variables the application reads: those application.properties names ({@code ${VAR}}), the
     * environment form of its properties and of {@link GevinstsporConfig}, those of the image's start script, and
     * the JVM's own JAVA_TOOL_OPTIONS.
     */
    static Set<String> environmentVariables() throws IOException {
        Set<String> names = new HashSet<>();
        String text = Files.readString(Manifests.ROOT.resolve("src/main/resources/application.properties"));
        Matcher reference = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(text);
        while (reference.find()) {
            names.add(reference.group(1));
        }
        for (String key : Manifests.app().stringPropertyNames()) {
            if (!key.startsWith("%")) {
                names.add(environmentName(key));
            }
        }
        configNames(GevinstsporConfig.class, "gevinstspor", names);
        String dockerfile = Files.readString(Manifests.ROOT.resolve("src/main/docker/Dockerfile.jvm"));
        Matcher word = Pattern.compile("\\b(JAVA_[A-Z0-9_]+)\\b").matcher(dockerfile);
        while (word.find()) {
            names.add(word.group(1));
        }
        names.add("JAVA_TOOL_OPTIONS"); // read by the JVM itself
        return names;
    }

    private static void configNames(Class<?> group, String prefix, Set<String> names) {
        for (Method m : group.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
                continue;
            }
            WithName withName = m.getAnnotation(WithName.class);
            String name = prefix + "." + (withName != null ? withName.value()
                    : m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
            if (m.getReturnType().isInterface() && m.getReturnType().getDeclaringClass() == GevinstsporConfig.class) {
                configNames(m.getReturnType(), name, names);
            } else {
                names.add(environmentName(name));
            }
        }
    }

    private static String environmentName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>gevinstspor</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Manifests.ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
