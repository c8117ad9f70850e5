/*
 * zmq-ipc-conformance driver (protocol version 1) for JeroMQ, the pure-Java ZeroMQ.
 *
 * Run from the project root, in source-file mode (no build step, nothing written to the tree):
 *   java -XX:-UsePerfData -cp /usr/share/java/jeromq.jar drivers/jeromq/Driver.java
 * (Debian: apt-get install -y libjeromq-java default-jre-headless; Java 11 or later.)
 *
 * It compiles against whichever JeroMQ the class path holds: Debian 12 ships 0.3.6 (the libzmq
 * 3.2 API), Debian 13 ships 0.6.0 (the libzmq 4.x API). The calls that differ between the two are
 * looked up by reflection (Compat below); everything else is API both have. Some of it is
 * deprecated in 0.6.0 but is the only spelling 0.3.6 knows, hence @SuppressWarnings("deprecation").
 *
 * One JSON object per line each way on stdin/stdout: a hello first, then one response per request,
 * in order, with the request's id. Requests are handled one at a time (a receive blocks for at most
 * its timeoutMs). Logs go to stderr; nothing but protocol lines is ever written to stdout.
 *
 * JeroMQ's ipc:// is not a UNIX domain socket: it is TCP on 127.0.0.1, port |hash(name)| % 55536 +
 * 10000. This driver hides none of it: it declares what JeroMQ's API offers and lets the suites see.
 */
import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

@SuppressWarnings("deprecation")
public class Driver {
    static final int PROTOCOL_VERSION = 1;

    /**
     * A send with no send timeout (-1, the default) would block this single-threaded driver for
     * ever, and the harness would declare it hung once its request limit (5 s x the timeout
     * multiplier in a run) expires. It waits this long at most, then answers EAGAIN, saying why.
     */
    static final int UNBOUNDED_SEND_CAP_MS = 4000;

    static final List<String> SOCKET_TYPES =
            List.of("PAIR", "PUB", "SUB", "REQ", "REP", "DEALER", "ROUTER", "PULL", "PUSH", "XPUB", "XSUB");

    /**
     * What JeroMQ's API offers (it accepts ipc:// paths, ipc://*, relative paths, unbind/disconnect,
     * ZMQ_LAST_ENDPOINT, ZMQ_DELAY_ATTACH_ON_CONNECT = ZMQ_IMMEDIATE, ZMQ_RECONNECT_IVL). Not the
     * abstract namespace: JeroMQ does not mention it. Whether the ipc behind these is real is for
     * the suites to find out.
     */
    static final List<String> CAPABILITIES = List.of(
            "wildcard", "socket-file", "immediate", "reconnect-interval", "last-endpoint", "unbind",
            "child-process", "pubsub", "reqrep");

    /** Protocol lines go to the real stdout; System.out is pointed at stderr so nothing else can reach it. */
    static final PrintStream PROTOCOL = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

    static final ZMQ.Context CONTEXT = ZMQ.context(1);
    static final Map<Long, Entry> SOCKETS = new HashMap<>();
    static long nextSocket = 1;
    static final Map<Integer, String> ERRNO_NAMES = errnoNames();
    static final String JEROMQ_VERSION = jeromqVersion();

    record Entry(ZMQ.Socket socket, boolean lingerSet, boolean sendCapped) {}

    /** The driver cannot do this at all: answered {"ok": false, "unsupported": ...}. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) { super(message); }
    }

    /** A refusal with an errno name: from JeroMQ (its errno), or a bad request. */
    static final class CallError extends RuntimeException {
        final String code;
        CallError(String code, String message) { super(message); this.code = code; }
    }

    public static void main(String[] args) throws Exception {
        System.setOut(System.err);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("protocol", PROTOCOL_VERSION);
        hello.put("name", "JeroMQ");
        hello.put("version", JEROMQ_VERSION + " (emulates libzmq " + ZMQ.getVersionString() + ")");
        hello.put("capabilities", CAPABILITIES);
        hello.put("socketTypes", SOCKET_TYPES);
        hello.put("platform", System.getProperty("os.name").toLowerCase());
        hello.put("runtime", "java " + System.getProperty("java.version"));
        hello.put("pid", ProcessHandle.current().pid());
        write(Map.of("hello", hello));

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) continue;
            Object request;
            try {
                request = Json.parse(line);
            } catch (IllegalArgumentException e) {
                log("not JSON, ignored (" + e.getMessage() + "): " + line.substring(0, Math.min(80, line.length())));
                continue;
            }
            if (!(request instanceof Map)) {
                log("not a JSON object, ignored: " + line.substring(0, Math.min(80, line.length())));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) request;
            write(answer(map));
        }
        // The harness went away: nothing may outlive the run. (ctx.term() could wait on lingering
        // messages; the sockets are closed with linger 0 and the process ends.)
        for (Entry entry : SOCKETS.values()) {
            entry.socket().setLinger(0);
            entry.socket().close();
        }
        System.exit(0);
    }

    static Map<String, Object> answer(Map<String, Object> request) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", request.get("id"));
        Object op = request.get("op");
        try {
            Object result = execute(op instanceof String ? (String) op : String.valueOf(op), request);
            response.put("ok", true);
            response.put("result", result);
        } catch (Unsupported e) {
            response.put("ok", false);
            response.put("unsupported", e.getMessage());
        } catch (CallError e) {
            response.put("ok", false);
            response.put("error", error(e.code, e.getMessage()));
        } catch (ZMQException e) {
            response.put("ok", false);
            response.put("error", error(errnoName(e.getErrorCode()), describe(e.getErrorCode())));
        } catch (RuntimeException e) {
            // JeroMQ reports some refusals as Java exceptions rather than an errno: reported as its
            // failure, with the exception in the message, never hidden.
            log("request " + request.get("id") + " (" + op + "): " + e);
            response.put("ok", false);
            response.put("error", error(exceptionCode(e), e.toString()));
        }
        return response;
    }

    /**
     * The errno name for an exception JeroMQ threw: IllegalArgumentException is its EINVAL (an
     * endpoint it cannot parse, an option a socket type lacks), UnsupportedOperationException comes
     * from its check_protocol (libzmq's EPROTONOSUPPORT), an I/O exception is its EIOEXC, and an
     * exception named after an errno (IllegalStateException("EMTHREAD")) is that errno.
     */
    static String exceptionCode(RuntimeException e) {
        if (e.getMessage() != null && e.getMessage().matches("E[A-Z0-9]+")) return e.getMessage();
        if (e instanceof IllegalArgumentException) return "EINVAL";
        if (e instanceof UnsupportedOperationException) return "EPROTONOSUPPORT";
        if (e.getCause() instanceof java.io.IOException) return "EIOEXC";
        e.printStackTrace(System.err);
        return "EUNKNOWN";
    }

    static Map<String, Object> error(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message == null ? code : message);
        return error;
    }

    static Object execute(String op, Map<String, Object> request) {
        switch (op) {
            case "create": return create(request);
            case "bind":
            case "connect":
            case "unbind":
            case "disconnect": return endpointCall(op, socket(request), string(request, "endpoint"));
            case "send": return send(request);
            case "receive": return receive(request);
            case "subscribe": socket(request).subscribe(bytes(string(request, "topic"))); return null;
            case "unsubscribe": socket(request).unsubscribe(bytes(string(request, "topic"))); return null;
            case "lastEndpoint": {
                Object value = Compat.lastEndpoint(socket(request).base());
                return value == null || value.toString().isEmpty() ? null : value.toString();
            }
            case "close": {
                long id = integer(request, "socket");
                Entry entry = SOCKETS.remove(id);
                if (entry == null) throw new CallError("EBADF", "no socket " + id);
                if (!entry.lingerSet()) entry.socket().setLinger(0);
                entry.socket().close();
                return null;
            }
            case "setenv": return setenv(request);
            case "chdir": return chdir(request);
            default: throw new Unsupported("unknown op " + op);
        }
    }

    static Object create(Map<String, Object> request) {
        String type = string(request, "type");
        if (!SOCKET_TYPES.contains(type)) throw new CallError("EINVAL", "unknown socket type " + type);
        Object raw = request.get("options");
        @SuppressWarnings("unchecked")
        Map<String, Object> options = raw instanceof Map ? (Map<String, Object>) raw : Map.of();
        for (String name : options.keySet()) {
            if (!List.of("routingId", "immediate", "reconnectInterval", "reconnectMaxInterval", "sendHighWaterMark",
                    "receiveHighWaterMark", "sendTimeout", "linger", "maxMessageSize", "handshakeInterval", "verbosity").contains(name)) {
                // An option this driver does not know (one a later harness adds): it cannot set it,
                // which makes the scenario unsupported (docs/driver-protocol.md, sections 4 and 10).
                throw new Unsupported("socket option " + name + " not supported by this driver");
            }
        }
        if (options.get("handshakeInterval") != null && Compat.SET_HANDSHAKE_IVL == null) {
            throw new Unsupported("JeroMQ " + JEROMQ_VERSION + " has no handshake interval (ZMQ_HANDSHAKE_IVL)");
        }
        Object verbosity = options.get("verbosity");
        if (verbosity != null && !List.of("allSubs", "allSubsUnsubs").contains(verbosity)) {
            throw new CallError("EINVAL", "verbosity must be null, \"allSubs\" or \"allSubsUnsubs\", not " + verbosity);
        }
        if ("allSubsUnsubs".equals(verbosity) && Compat.SET_XPUB_VERBOSER == null) {
            throw new Unsupported("JeroMQ " + JEROMQ_VERSION + " has no ZMQ_XPUB_VERBOSER (verbosity \"allSubsUnsubs\")");
        }
        Object sendTimeout = options.get("sendTimeout");
        boolean sendCapped = sendTimeout == null || number(sendTimeout) == -1;
        ZMQ.Socket socket = CONTEXT.socket(socketType(type));
        try {
            for (Map.Entry<String, Object> option : options.entrySet()) {
                Object value = option.getValue();
                if (value == null) continue;
                switch (option.getKey()) {
                    case "routingId": socket.setIdentity(value.toString().getBytes(StandardCharsets.UTF_8)); break;
                    // ZMQ_IMMEDIATE is ZMQ_DELAY_ATTACH_ON_CONNECT in the libzmq 3.2 API JeroMQ 0.3.6 follows.
                    case "immediate": socket.setDelayAttachOnConnect(Boolean.TRUE.equals(value)); break;
                    case "reconnectInterval": socket.setReconnectIVL(number(value)); break;
                    case "reconnectMaxInterval": socket.setReconnectIVLMax(number(value)); break;
                    case "sendHighWaterMark": socket.setSndHWM(number(value)); break;
                    case "receiveHighWaterMark": socket.setRcvHWM(number(value)); break;
                    case "sendTimeout": socket.setSendTimeOut((int) number(value)); break;
                    case "linger": socket.setLinger(number(value)); break;
                    case "maxMessageSize": socket.setMaxMsgSize(number(value)); break;
                    case "handshakeInterval": Compat.setHandshakeInterval(socket, (int) number(value)); break;
                    // zeromq.js's XPublisher verbosity: "allSubs" is ZMQ_XPUB_VERBOSE, "allSubsUnsubs" ZMQ_XPUB_VERBOSER.
                    case "verbosity":
                        if (value.equals("allSubs")) socket.setXpubVerbose(true);
                        else Compat.setXpubVerboser(socket, true);
                        break;
                    default: break;
                }
            }
            if (sendCapped) socket.setSendTimeOut(UNBOUNDED_SEND_CAP_MS);
        } catch (RuntimeException e) {
            socket.setLinger(0);
            socket.close();
            throw e;
        }
        long id = nextSocket++;
        SOCKETS.put(id, new Entry(socket, options.get("linger") != null, sendCapped));
        return id;
    }

    /**
     * bind, connect, unbind, disconnect through zmq.SocketBase, the object org.zeromq.ZMQ.Socket
     * wraps (and the only place 0.3.6 has disconnect: zmq.ZMQ.disconnect is its zmq_disconnect).
     * Their boolean result is the truth: ZMQ.Socket.connect() would re-throw whatever errno an
     * earlier call left on the socket (JeroMQ's errno is sticky), even after a connect that worked.
     */
    static Object endpointCall(String op, ZMQ.Socket socket, String endpoint) {
        zmq.SocketBase base = socket.base();
        boolean ok;
        switch (op) {
            case "bind": ok = base.bind(endpoint); break;
            case "connect": ok = base.connect(endpoint); break;
            default: ok = base.termEndpoint(endpoint); break; // unbind and disconnect are the same call in JeroMQ
        }
        if (ok) return null;
        if (op.equals("unbind") || op.equals("disconnect")) {
            // termEndpoint answers false for one reason only, an endpoint the socket does not have,
            // and sets no errno: the closest name is libzmq's for that case, ENOENT.
            throw new CallError("ENOENT", "JeroMQ's " + op + "() returned false without an errno: the socket has no endpoint " + endpoint);
        }
        throw lastError(socket, "EUNKNOWN");
    }

    /**
     * JeroMQ refuses some sends and receives with a Java exception where libzmq sets an errno:
     * UnsupportedOperationException (SocketBase's xsend/xrecv, "Must Override") for an operation the
     * socket type does not have, libzmq's ENOTSUP; IllegalStateException ("Cannot send another
     * reply", "Cannot receive another request": 0.3.6's REP) for a call out of turn, libzmq's EFSM.
     * Reported by those names, with the exception in the message (protocol, section 6).
     */
    static RuntimeException refusal(String op, RuntimeException e) {
        if (e instanceof UnsupportedOperationException) {
            return new CallError("ENOTSUP", "JeroMQ threw " + e + ": this socket type has no " + op);
        }
        if (e instanceof IllegalStateException && !(e.getMessage() != null && e.getMessage().matches("E[A-Z0-9]+"))) {
            return new CallError("EFSM", "JeroMQ threw " + e + ": not this socket's turn to " + op);
        }
        return e;
    }

    static Object send(Map<String, Object> request) {
        try {
            return sendFrames(request);
        } catch (CallError | ZMQException e) {
            throw e;
        } catch (RuntimeException e) {
            throw refusal("send", e);
        }
    }

    static Object sendFrames(Map<String, Object> request) {
        ZMQ.Socket socket = socket(request);
        boolean capped = SOCKETS.get(integer(request, "socket")).sendCapped();
        List<?> frames = list(request, "frames");
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = bytes(String.valueOf(frames.get(i)));
            // With SNDTIMEO set, JeroMQ answers false (EAGAIN) when the message cannot be queued in time.
            if (!socket.send(frame, i < frames.size() - 1 ? ZMQ.SNDMORE : 0)) {
                CallError error = lastError(socket, "EAGAIN");
                if (capped && error.code.equals("EAGAIN")) {
                    throw new CallError("EAGAIN", error.getMessage() + " (no send timeout was set: the driver stopped waiting after "
                            + UNBOUNDED_SEND_CAP_MS + " ms)");
                }
                throw error;
            }
        }
        return null;
    }

    static Object receive(Map<String, Object> request) {
        try {
            return receiveFrames(request);
        } catch (CallError | ZMQException e) {
            throw e;
        } catch (RuntimeException e) {
            throw refusal("receive", e);
        }
    }

    static Object receiveFrames(Map<String, Object> request) {
        ZMQ.Socket socket = socket(request);
        int timeout = (int) integer(request, "timeoutMs");
        // JeroMQ's own receive timeout (ZMQ_RCVTIMEO): one wait of at most timeoutMs, 0 = just look.
        socket.setReceiveTimeOut(timeout);
        byte[] first = socket.recv(0);
        if (first == null) throw lastError(socket, "EAGAIN");
        List<String> frames = new ArrayList<>();
        frames.add(Base64.getEncoder().encodeToString(first));
        while (socket.hasReceiveMore()) {
            byte[] more = socket.recv(0); // the rest of a message is there at once (atomic delivery)
            if (more == null) throw lastError(socket, "EAGAIN");
            frames.add(Base64.getEncoder().encodeToString(more));
        }
        return frames;
    }

    static Object setenv(Map<String, Object> request) {
        Object vars = request.get("vars");
        if (!(vars instanceof Map)) throw new CallError("EINVAL", "setenv needs vars");
        // A JVM cannot change its own environment. JeroMQ reads no environment variable for ipc://
        // (no temporary directory for ipc://*: it hashes the name), so nothing it does depends on it.
        log("setenv " + vars + ": the JVM's environment cannot be changed; JeroMQ reads none of it for ipc://");
        return null;
    }

    static Object chdir(Map<String, Object> request) {
        String dir = string(request, "dir");
        File file = new File(dir);
        if (!file.exists()) throw new CallError("ENOENT", "no such directory: " + dir);
        if (!file.isDirectory()) throw new CallError("ENOTDIR", "not a directory: " + dir);
        // A JVM cannot change its working directory. JeroMQ never resolves an ipc:// path against it
        // (a relative name is hashed as written), so only user.dir is updated, for the record.
        System.setProperty("user.dir", file.getAbsolutePath());
        log("chdir " + dir + ": user.dir updated; the JVM's working directory cannot change and JeroMQ does not use it");
        return null;
    }

    static int socketType(String type) {
        switch (type) {
            case "PAIR": return ZMQ.PAIR;
            case "PUB": return ZMQ.PUB;
            case "SUB": return ZMQ.SUB;
            case "REQ": return ZMQ.REQ;
            case "REP": return ZMQ.REP;
            case "DEALER": return ZMQ.DEALER;
            case "ROUTER": return ZMQ.ROUTER;
            case "PULL": return ZMQ.PULL;
            case "PUSH": return ZMQ.PUSH;
            case "XPUB": return ZMQ.XPUB;
            case "XSUB": return ZMQ.XSUB;
            default: throw new CallError("EINVAL", "unknown socket type " + type);
        }
    }

    /** The error JeroMQ left on the socket after a call that returned false. */
    static CallError lastError(ZMQ.Socket socket, String whenNone) {
        int errno = socket.base().errno();
        if (errno == 0) return new CallError(whenNone, "JeroMQ's call returned false and set no errno");
        return new CallError(errnoName(errno), describe(errno));
    }

    /** JeroMQ's text for an errno (it has none for some, EAGAIN among them), with its number. */
    static String describe(int errno) {
        String text = zmq.ZError.toString(errno);
        return (text == null || text.isEmpty() ? errnoName(errno) : text) + " (JeroMQ errno " + errno + ")";
    }

    /** JeroMQ's errno values (its own numbering: EAGAIN is 35) named after zmq.ZError's constants. */
    static Map<Integer, String> errnoNames() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : zmq.ZError.class.getFields()) {
            if (field.getType() != int.class || !Modifier.isStatic(field.getModifiers())) continue;
            try {
                // zmq.ZError spells EACCES "EACCESS" (value 13): the errno name is EACCES.
                names.putIfAbsent(field.getInt(null), field.getName().equals("EACCESS") ? "EACCES" : field.getName());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    static String errnoName(int errno) {
        String name = ERRNO_NAMES.get(errno);
        if (name != null) return name;
        ZMQ.Error known = null;
        try {
            known = ZMQ.Error.findByCode(errno);
        } catch (IllegalArgumentException e) {
            // not one of ZMQ.Error's either
        }
        return known != null ? known.name() : "E" + Math.abs(errno);
    }

    /**
     * The JeroMQ on the class path, as its jar says it: the Maven pom.properties both 0.3.6 and
     * 0.6.0 carry, else the manifest (Implementation-Version, or the OSGi Bundle-Version 0.3.6 has),
     * else the jar's file name (jeromq-0.6.0.jar behind Debian's jeromq.jar symlink), else "unknown".
     */
    static String jeromqVersion() {
        try (InputStream in = ZMQ.class.getResourceAsStream("/META-INF/maven/org.zeromq/jeromq/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) return version.trim();
            }
        } catch (java.io.IOException e) {
            // the next source
        }
        String version = ZMQ.class.getPackage().getImplementationVersion();
        if (version != null && !version.isBlank()) return version.trim();
        try {
            java.net.URL location = ZMQ.class.getProtectionDomain().getCodeSource().getLocation();
            File jar = new File(location.toURI()).getCanonicalFile();
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
                java.util.jar.Manifest manifest = file.getManifest();
                String bundle = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
                if (bundle != null && !bundle.isBlank()) return bundle.trim();
            }
            java.util.regex.Matcher named = java.util.regex.Pattern.compile("jeromq-(\\d[^/]*)\\.jar").matcher(jar.getName());
            if (named.matches()) return named.group(1);
        } catch (Exception e) {
            // nothing else to ask
        }
        return "unknown";
    }

    /**
     * The calls whose names differ between JeroMQ 0.3.6 and 0.6.0, found by reflection once, so
     * that this one source compiles against either jar.
     */
    static final class Compat {
        /** zmq.SocketBase's getsockopt for object values: getsockoptx in 0.3.6, getSocketOptx in 0.6.0. */
        static final java.lang.reflect.Method GET_SOCKOPT_X = method(zmq.SocketBase.class, int.class, "getSocketOptx", "getsockoptx");
        /** ZMQ_HANDSHAKE_IVL: ZMQ.Socket.setHandshakeIvl(int) in 0.6.0; 0.3.6 has none (null). */
        static final java.lang.reflect.Method SET_HANDSHAKE_IVL = method(ZMQ.Socket.class, int.class, "setHandshakeIvl");
        /** ZMQ_XPUB_VERBOSER: ZMQ.Socket.setXpubVerboser(boolean) where the jar has it; 0.3.6 has none (null). */
        static final java.lang.reflect.Method SET_XPUB_VERBOSER = method(ZMQ.Socket.class, boolean.class, "setXpubVerboser");

        static java.lang.reflect.Method method(Class<?> owner, Class<?> parameter, String... names) {
            for (String name : names) {
                try {
                    return owner.getMethod(name, parameter);
                } catch (NoSuchMethodException e) {
                    // the other spelling
                }
            }
            return null;
        }

        static Object lastEndpoint(zmq.SocketBase base) {
            if (GET_SOCKOPT_X == null) throw new Unsupported("JeroMQ " + JEROMQ_VERSION + ": no getsockoptx/getSocketOptx on zmq.SocketBase");
            return invoke(GET_SOCKOPT_X, base, zmq.ZMQ.ZMQ_LAST_ENDPOINT);
        }

        static void setHandshakeInterval(ZMQ.Socket socket, int ms) {
            invoke(SET_HANDSHAKE_IVL, socket, ms);
        }

        static void setXpubVerboser(ZMQ.Socket socket, boolean on) {
            invoke(SET_XPUB_VERBOSER, socket, on);
        }

        /** Calls the method; what it throws is thrown as is (a ZMQException stays one, for its errno). */
        static Object invoke(java.lang.reflect.Method method, Object target, Object... args) {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) throw (RuntimeException) cause;
                if (cause instanceof Error) throw (Error) cause;
                throw new IllegalStateException(cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // --- request fields -------------------------------------------------------------------------

    static ZMQ.Socket socket(Map<String, Object> request) {
        long id = integer(request, "socket");
        Entry entry = SOCKETS.get(id);
        if (entry == null) throw new CallError("EBADF", "no socket " + id);
        return entry.socket();
    }

    static Object field(Map<String, Object> request, String name) {
        if (!request.containsKey(name)) throw new CallError("EINVAL", "request " + request.get("id") + " has no " + name);
        return request.get(name);
    }

    static String string(Map<String, Object> request, String name) {
        Object value = field(request, name);
        if (!(value instanceof String)) throw new CallError("EINVAL", name + " must be a string");
        return (String) value;
    }

    static long integer(Map<String, Object> request, String name) {
        return number(field(request, name));
    }

    static List<?> list(Map<String, Object> request, String name) {
        Object value = field(request, name);
        if (!(value instanceof List)) throw new CallError("EINVAL", name + " must be an array");
        return (List<?>) value;
    }

    static long number(Object value) {
        if (value instanceof Boolean) return ((Boolean) value) ? 1 : 0;
        if (!(value instanceof Number)) throw new CallError("EINVAL", "not a number: " + value);
        return ((Number) value).longValue();
    }

    static byte[] bytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CallError("EINVAL", "bad base64: " + e.getMessage());
        }
    }

    static void write(Object message) {
        PROTOCOL.print(Json.write(message));
        PROTOCOL.print('\n');
        PROTOCOL.flush();
    }

    static void log(String message) {
        System.err.println("jeromq-driver: " + message);
        System.err.flush();
    }

    // --- JSON -----------------------------------------------------------------------------------

    /**
     * A small JSON reader and writer (RFC 8259): objects (LinkedHashMap), arrays (ArrayList),
     * strings (all escapes, \\uXXXX included: surrogate pairs come out as the two UTF-16 units they
     * are), numbers (Long when integral and in range, else Double), true, false, null.
     */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) { this.text = text; }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) throw json.fail("trailing characters");
            return value;
        }

        private IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException(problem + " at offset " + at);
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) at++;
        }

        private char peek() {
            if (at >= text.length()) throw fail("unexpected end");
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) throw fail("expected '" + c + "'");
            at++;
        }

        private boolean literal(String word) {
            if (!text.startsWith(word, at)) return false;
            at += word.length();
            return true;
        }

        private Object value() {
            space();
            char c = peek();
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (c == '-' || (c >= '0' && c <= '9')) return number();
            if (literal("true")) return Boolean.TRUE;
            if (literal("false")) return Boolean.FALSE;
            if (literal("null")) return null;
            throw fail("unexpected character '" + c + "'");
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            expect('{');
            space();
            if (peek() == '}') { at++; return map; }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                if (peek() == ',') { at++; continue; }
                expect('}');
                return map;
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            expect('[');
            space();
            if (peek() == ']') { at++; return list; }
            while (true) {
                list.add(value());
                space();
                if (peek() == ',') { at++; continue; }
                expect(']');
                return list;
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                at++;
                if (c == '"') return out.toString();
                if (c < 0x20) throw fail("control character in a string");
                if (c != '\\') { out.append(c); continue; }
                char e = peek();
                at++;
                switch (e) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u': {
                        if (at + 4 > text.length()) throw fail("short \\u escape");
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException x) {
                            throw fail("bad \\u escape");
                        }
                        at += 4;
                        break;
                    }
                    default: throw fail("bad escape \\" + e);
                }
            }
        }

        private Number number() {
            int start = at;
            if (peek() == '-') at++;
            digits();
            boolean integral = true;
            if (at < text.length() && text.charAt(at) == '.') { at++; digits(); integral = false; }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                at++;
                if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) at++;
                digits();
                integral = false;
            }
            String literal = text.substring(start, at);
            if (integral) {
                try {
                    return Long.parseLong(literal);
                } catch (NumberFormatException tooBig) {
                    // falls through to a double
                }
            }
            return Double.parseDouble(literal);
        }

        private void digits() {
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at)) && text.charAt(at) < 128) at++;
            if (at == start) throw fail("expected a digit");
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String) {
                quote((String) value, out);
            } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
                out.append(value);
            } else if (value instanceof Number) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) out.append("null");
                else if (d == Math.rint(d) && Math.abs(d) < 1e15) out.append((long) d);
                else out.append(d);
            } else if (value instanceof Map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    quote(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof Iterable) {
                out.append('[');
                boolean first = true;
                for (Object item : (Iterable<?>) value) {
                    if (!first) out.append(',');
                    first = false;
                    write(item, out);
                }
                out.append(']');
            } else {
                quote(value.toString(), out);
            }
        }

        private static void quote(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\r': out.append("\\r"); break;
                    case '\t': out.append("\\t"); break;
                    default:
                        // Control characters, and lone surrogates (not encodable in UTF-8), as \\uXXXX.
                        boolean lone = Character.isSurrogate(c)
                                && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                                && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                        if (c < 0x20 || lone) out.append(String.format("\\u%04x", (int) c));
                        else out.append(c);
                }
            }
            out.append('"');
        }
    }
}
