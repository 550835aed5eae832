package dev.strangler.functions.runtime.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Points a function's calls of {@code System.getenv}, {@code System.out}/{@code err}, {@code
 * System.setOut}/{@code setErr}, {@code System.exit} and {@code Throwable.printStackTrace()} at
 * {@link SandboxSystem}. All execution environments share one JVM, and these are process-wide
 * there: without this, functions would see the runtime's variables, print past the invocation's log
 * and could stop the runtime.
 *
 * <p>Every replacement has the same stack effect as the original instruction, so stack map frames
 * stay valid and are copied as they are.
 */
final class SystemCallRewriter {

  static final String SANDBOX_SYSTEM = SandboxSystem.class.getName().replace('.', '/');

  private static final String SYSTEM = "java/lang/System";
  private static final Set<String> REDIRECTED_METHODS =
      Set.of("getenv", "setOut", "setErr", "exit");
  private static final byte[] SYSTEM_NAME = SYSTEM.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PRINT_STACK_TRACE =
      "printStackTrace".getBytes(StandardCharsets.US_ASCII);

  private SystemCallRewriter() {}

  /** The class file with its system calls redirected, or the same array if it makes none. */
  static byte[] rewrite(byte[] classFile) {
    // Most classes never name System: a byte search of the constant pool spares parsing them.
    if (indexOf(classFile, SYSTEM_NAME) < 0 && indexOf(classFile, PRINT_STACK_TRACE) < 0) {
      return classFile;
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    Redirector redirector = new Redirector(writer);
    reader.accept(redirector, 0);
    return redirector.changed ? writer.toByteArray() : classFile;
  }

  private static final class Redirector extends ClassVisitor {
    boolean changed;

    Redirector(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
      return new MethodVisitor(Opcodes.ASM9, next) {
        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String type) {
          if (opcode == Opcodes.GETSTATIC
              && owner.equals(SYSTEM)
              && (field.equals("out") || field.equals("err"))) {
            changed = true;
            super.visitFieldInsn(opcode, SANDBOX_SYSTEM, field, type);
          } else {
            super.visitFieldInsn(opcode, owner, field, type);
          }
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String method, String type, boolean isInterface) {
          if (opcode == Opcodes.INVOKESTATIC
              && owner.equals(SYSTEM)
              && REDIRECTED_METHODS.contains(method)) {
            changed = true;
            super.visitMethodInsn(opcode, SANDBOX_SYSTEM, method, type, false);
          } else if (opcode == Opcodes.INVOKEVIRTUAL
              && method.equals("printStackTrace")
              && type.equals("()V")) {
            changed = true;
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                SANDBOX_SYSTEM,
                "printStackTrace",
                "(Ljava/lang/Object;)V",
                false);
          } else {
            super.visitMethodInsn(opcode, owner, method, type, isInterface);
          }
        }

        @Override
        public void visitInvokeDynamicInsn(
            String name, String descriptor, Handle bootstrap, Object... arguments) {
          for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof Handle handle
                && handle.getOwner().equals(SYSTEM)
                && handle.getTag() == Opcodes.H_INVOKESTATIC
                && REDIRECTED_METHODS.contains(handle.getName())) {
              changed = true;
              arguments[i] =
                  new Handle(
                      handle.getTag(), SANDBOX_SYSTEM, handle.getName(), handle.getDesc(), false);
            }
          }
          super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }
      };
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
