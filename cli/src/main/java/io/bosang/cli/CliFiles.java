package io.bosang.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opening the files a command reads and writes, each failure said in one line that names the file and the problem
 * (no stack trace), with the exit codes of {@link BosangCli}: {@code USAGE} for an input that cannot be read,
 * {@code OUTPUT} for an output that cannot be written.
 */
final class CliFiles {
    private CliFiles() {
    }

    /** A failure already said to the user: the command returns {@code code}. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** The claims file {@code name} ('-' for stdin), checked before anything runs. */
    static InputStream input(String command, String name, InputStream stdin) throws Refused {
        if ("-".equals(name)) return stdin;
        Path p = Path.of(name);
        if (Files.isDirectory(p)) throw new Refused(BosangCli.USAGE, "bosang " + command + ": " + name + " is a directory, not a claims file");
        if (!Files.exists(p)) throw new Refused(BosangCli.USAGE, "bosang " + command + ": no such claims file: " + name);
        try {
            return named(Files.newInputStream(p), name);
        } catch (AccessDeniedException e) {
            throw new Refused(BosangCli.USAGE, "bosang " + command + ": cannot read " + name + ": permission denied");
        } catch (IOException e) {
            throw new Refused(BosangCli.USAGE, "bosang " + command + ": cannot read " + name + ": " + e.getMessage());
        }
    }

    /** A file the command will write, checked before anything runs: not a directory, its folder exists and is writable. */
    static Path output(String command, String option, String name) throws Refused {
        Path p = Path.of(name);
        if (Files.isDirectory(p)) throw new Refused(BosangCli.OUTPUT, "bosang " + command + ": " + option + " " + name + " is a directory; give a file");
        Path dir = p.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new Refused(BosangCli.OUTPUT, "bosang " + command + ": " + option + " " + name + ": the folder " + dir + " does not exist");
        }
        if (Files.exists(p) && !Files.isWritable(p)) throw new Refused(BosangCli.OUTPUT, "bosang " + command + ": cannot write " + name + ": permission denied");
        return p;
    }

    /** A writer to {@code name}, or to {@code stdout} when null; opening failures are one line. */
    static Writer writer(String command, String option, String name, OutputStream stdout) throws Refused {
        if (name == null) return new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
        Path p = output(command, option, name);
        try {
            return named(Files.newBufferedWriter(p, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw cannotOpen(command, name, e);
        }
    }

    /** The one line for an output file that cannot be opened (denied, no such folder, anything else). */
    private static Refused cannotOpen(String command, String name, IOException e) {
        String why = e instanceof AccessDeniedException || e instanceof NoSuchFileException ? reason(e) : e.getMessage();
        return new Refused(BosangCli.OUTPUT, "bosang " + command + ": cannot write " + name + ": " + why);
    }

    /** A write failure part way, naming the file once (a failure already named passes through). */
    private static OutputFailure cannotWrite(String name, IOException e) {
        return e instanceof OutputFailure f ? f : new OutputFailure("cannot write " + name + ": " + reason(e), e);
    }

    /** Where a command writes NDJSON lines: each line given as UTF-8 bytes, the newline added. */
    interface LineOutput extends java.io.Closeable {
        void line(byte[] utf8) throws IOException;
    }

    /**
     * Lines to {@code name} as the bytes given (no re-encoding: half a volume run's output time was in turning the
     * JSON text back into UTF-8), or to {@code stdout} when null (decoded there, as the command line's stdout is a
     * {@code Writer}; volume runs write to a file). Opening failures are one line; write failures name
     * the file, as {@link #writer} does.
     */
    static LineOutput lines(String command, String option, String name, Writer stdout) throws Refused {
        if (name == null) {
            return new LineOutput() {
                @Override
                public void line(byte[] utf8) throws IOException {
                    stdout.write(new String(utf8, StandardCharsets.UTF_8));
                    stdout.write('\n');
                }

                @Override
                public void close() throws IOException {
                    stdout.flush();
                }
            };
        }
        Path p = output(command, option, name);
        OutputStream file;
        try {
            file = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
        } catch (IOException e) {
            throw cannotOpen(command, name, e);
        }
        return new LineOutput() {
            @Override
            public void line(byte[] utf8) throws IOException {
                try {
                    file.write(utf8);
                    file.write('\n');
                } catch (IOException e) {
                    throw cannotWrite(name, e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    file.close();
                } catch (IOException e) {
                    throw cannotWrite(name, e);
                }
            }
        };
    }

    /** An output failure in the middle of a run, already naming the file: the command exits {@code OUTPUT}. */
    static final class OutputFailure extends IOException {
        private static final long serialVersionUID = 1L;

        OutputFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** {@code in}, whose read failures name the file ("cannot read FILE: Input/output error"). */
    static InputStream named(InputStream in, String name) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw new IOException("cannot read " + name + ": " + reason(e), e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw new IOException("cannot read " + name + ": " + reason(e), e);
                }
            }
        };
    }

    /** {@code w}, whose write failures (a full disk) name the file and are {@link OutputFailure}s. */
    static Writer named(Writer w, String name) {
        return new java.io.FilterWriter(w) {
            private OutputFailure failure(IOException e) {
                return cannotWrite(name, e);
            }

            @Override
            public void write(int c) throws IOException {
                try {
                    super.write(c);
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                try {
                    super.write(cbuf, off, len);
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                try {
                    super.write(str, off, len);
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    super.flush();
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } catch (IOException e) {
                    throw failure(e);
                }
            }
        };
    }

    /** {@code w} for a try-with-resources that must not close it (the command line's stdout): close only flushes. */
    static Writer notClosing(Writer w) {
        return new java.io.FilterWriter(w) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Writes {@code text} to {@code name}; a failure (a full disk) is one line. */
    static void write(String command, String option, String name, String text) throws Refused {
        Path p = output(command, option, name);
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refused(BosangCli.OUTPUT, "bosang " + command + ": cannot write " + name + ": " + reason(e));
        }
    }

    /** The one line for an I/O failure in the middle of a run (a read error, a full disk, a closed pipe). */
    static String midRun(String command, UncheckedIOException e) {
        // An UncheckedIOException made from a cause alone carries the cause's toString() as its message; one made with
        // a message of its own (naming the file) says more.
        boolean own = e.getCause() == null || !String.valueOf(e.getMessage()).equals(e.getCause().toString());
        String what = own ? e.getMessage() : e.getCause().getMessage();
        return "bosang " + command + ": " + what;
    }

    /** The exit code of an I/O failure in the middle of a run: {@code OUTPUT} when an output failed, else {@code USAGE}. */
    static int midRunCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof OutputFailure) return BosangCli.OUTPUT;
        return BosangCli.USAGE;
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Says a refusal and returns its exit code. */
    static int refuse(PrintWriter err, Refused r) {
        err.println(r.getMessage());
        err.flush();
        return r.code;
    }
}
