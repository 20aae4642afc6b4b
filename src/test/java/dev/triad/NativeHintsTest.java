package dev.triad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The native image reflects only on what it was told to: a type Jackson reads outside the REST layer's own
 * signatures (a stored value, a body parsed by hand) and that {@link NativeHints} does not name works on the
 * JVM and fails only in the native executable, at a merchant's deploy. This reads Triad's compiled classes
 * for every {@code X.class} handed to Jackson ({@code readerFor}, {@code readValue}, {@code treeToValue}, …)
 * or to {@code StoredJson.read}, and fails for one that {@link NativeHints} leaves out.
 */
class NativeHintsTest {

    static final Path CLASSES = Path.of("target", "classes");

    @Test
    void shouldRegisterForReflectionEveryTypeTriadHandsToJackson() throws IOException {
        Set<String> handed = handedToJackson();
        Set<String> registered = Arrays.stream(NativeHints.class.getAnnotation(RegisterForReflection.class).targets())
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));

        assertThat(handed).as("types handed to Jackson (the scan must find them)")
                .contains("dev.triad.shop.Shop", "dev.triad.offer.OfferRequest", "dev.triad.catalog.ProductFacts");
        assertThat(registered).as("registered in NativeHints").containsAll(handed);
    }

    /**
     * A random generator kept in a static field may be built into the native image's heap with its seed (the
     * native build refuses it: GraalVM's "Detected an instance of Random/SplittableRandom class in the image
     * heap", which is how a static SecureRandom in ConnectTokens was found). Triad makes them at run time.
     */
    @Test
    void shouldKeepNoRandomGeneratorInAStaticField() throws IOException {
        Set<String> statics = new TreeSet<>();
        for (Path file : classFiles()) {
            try (InputStream in = Files.newInputStream(file)) {
                new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                    private String owner;

                    @Override
                    public void visit(int version, int access, String name, String signature, String superName,
                            String[] interfaces) {
                        owner = name;
                    }

                    @Override
                    public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor,
                            String signature, Object value) {
                        if ((access & Opcodes.ACC_STATIC) != 0 && (descriptor.equals("Ljava/util/Random;")
                                || descriptor.equals("Ljava/security/SecureRandom;")
                                || descriptor.equals("Ljava/util/SplittableRandom;"))) {
                            statics.add(owner + "." + name);
                        }
                        return null;
                    }
                }, ClassReader.SKIP_CODE);
            }
        }
        assertThat(statics).as("static fields holding a random generator").isEmpty();
    }

    private static List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(f -> f.toString().endsWith(".class")).toList();
        }
    }

    /** Every Triad type loaded as a class constant and then passed to a Jackson or StoredJson method taking a Class. */
    private static Set<String> handedToJackson() throws IOException {
        Set<String> found = new TreeSet<>();
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(classes::add);
        }
        for (Path file : classes) {
            try (InputStream in = Files.newInputStream(file)) {
                new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                            String[] exceptions) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            private Type constant;

                            @Override
                            public void visitLdcInsn(Object value) {
                                constant = value instanceof Type type && type.getSort() == Type.OBJECT ? type : null;
                            }

                            @Override
                            public void visitMethodInsn(int opcode, String owner, String method, String desc,
                                    boolean isInterface) {
                                boolean jackson = owner.startsWith("com/fasterxml/jackson/")
                                        || owner.equals("dev/triad/redis/StoredJson");
                                if (constant != null && jackson && desc.contains("Ljava/lang/Class;")
                                        && constant.getInternalName().startsWith("dev/triad/")) {
                                    found.add(constant.getClassName());
                                }
                                constant = null;
                            }
                        };
                    }
                }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            }
        }
        return found;
    }
}
