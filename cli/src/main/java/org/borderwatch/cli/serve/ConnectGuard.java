package org.borderwatch.cli.serve;

import java.net.SocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.connect.proto.AddArtifactsRequest;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.ExecutePlanResponse;
import org.apache.spark.connect.proto.ReattachExecuteRequest;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.borderwatch.core.error.Errors;
import org.borderwatch.core.session.AnalystAccess;
import org.borderwatch.core.session.AnalystAudit;
import org.borderwatch.core.session.AnalystGuardExtension;
import org.sparkproject.connect.grpc.ForwardingServerCall;
import org.sparkproject.connect.grpc.ForwardingServerCallListener;
import org.sparkproject.connect.grpc.Grpc;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;
import org.sparkproject.connect.protobuf.Descriptors;
import org.sparkproject.connect.protobuf.Message;

/**
 * The gate of {@code serve}'s Spark Connect server, in front of every request (a gRPC interceptor the server is
 * started with; a client cannot remove it):
 * <ul>
 *   <li>with credentials ({@link Credentials}), a request without a valid {@code Authorization: Bearer TOKEN} is
 *   refused, and the request's user must be the credential's: the role comes from the credential, never from the
 *   client;</li>
 *   <li>the client's session is marked with its access (role, user, address) before Spark handles the request, so
 *   that the analyst guard refuses what the role may not do; a session is marked once;</li>
 *   <li>code of the client's own is refused before it reaches the server: uploaded artifacts (jars, classes) and any
 *   plan that carries a user-defined function, table function or data source (Scala, Java, Python);</li>
 *   <li>setting or unsetting the session's restrictions through the client's config is refused;</li>
 *   <li>every statement is recorded in the audit with its outcome and the rows sent back.</li>
 * </ul>
 */
public final class ConnectGuard implements ServerInterceptor {
  /** What the server was started with; set by {@code serve} before the server starts. */
  public record Settings(Credentials credentials, java.util.function.Function<String, AnalystAccess> access,
      AnalystAudit audit, List<String> writable) {}

  private static volatile Settings settings;

  /** Sets what every interceptor of this process enforces (before {@code SparkConnectService.start}). */
  public static void configure(Settings s) {
    settings = s;
  }

  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** Message types that carry the client's own code. */
  static final Set<String> CODE_MESSAGES = Set.of("spark.connect.CommonInlineUserDefinedFunction",
      "spark.connect.CommonInlineUserDefinedTableFunction", "spark.connect.CommonInlineUserDefinedDataSource",
      "spark.connect.ScalarScalaUDF", "spark.connect.JavaUDF", "spark.connect.PythonUDF", "spark.connect.PythonUDTF",
      "spark.connect.PythonDataSource", "spark.connect.TypedAggregateExpression");

  /** Requests recorded in the audit when they succeed. */
  static final Set<String> AUDITED = Set.of("ExecutePlan", "ReattachExecute", "AddArtifacts");

  /** Requests recorded when refused or failed: those that carry a statement (not a release or an interrupt). */
  static final Set<String> STATEMENTS = Set.of("ExecutePlan", "ReattachExecute", "AddArtifacts", "AnalyzePlan", "Config");

  public ConnectGuard() {}

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Settings s = settings;
    String method = call.getMethodDescriptor().getBareMethodName();
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String origin = "serve:" + (remote == null ? "unknown" : remote.toString().replaceFirst("^/", ""));
    if (s == null) {
      call.close(Status.UNAVAILABLE.withDescription("refused: the server is not ready"), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Credentials.Credential credential = null;
    if (s.credentials() != null) {
      credential = s.credentials().check(headers.get(AUTHORIZATION));
      if (credential == null) {
        String why = "refused: a valid credential is required (Authorization: Bearer TOKEN, from serve.tokens-file)";
        if (STATEMENTS.contains(method)) {
          s.audit().record(new AnalystAudit.Entry(Instant.now(), new AnalystAccess("unauthenticated", "unknown", origin,
              List.of(), List.of()), null, "(" + method + " request)", List.of(), null, "refused", why));
        }
        call.close(Status.UNAUTHENTICATED.withDescription(why), new Metadata());
        return new ServerCall.Listener<>() {};
      }
    }
    Audited<Q, R> audited = new Audited<>(call, s, method);
    ServerCall.Listener<Q> delegate = next.startCall(audited, headers);
    return new Gate<>(delegate, audited, s, credential, origin, method);
  }

  /** The call as the handler sees it: counts the rows sent back, and records the outcome when it closes. */
  static final class Audited<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    final Settings settings;
    final String method;
    volatile AnalystAccess access;
    volatile SparkSession session;
    volatile String sessionId;
    volatile String statement;
    volatile long rows;
    volatile boolean closed;

    Audited(ServerCall<Q, R> call, Settings settings, String method) {
      super(call);
      this.settings = settings;
      this.method = method;
    }

    @Override
    public void sendMessage(R message) {
      if (message instanceof ExecutePlanResponse r && r.hasArrowBatch()) {
        rows += r.getArrowBatch().getRowCount();
      }
      super.sendMessage(message);
    }

    @Override
    public void close(Status status, Metadata trailers) {
      if (!closed) {
        closed = true;
        record(status);
      }
      super.close(status, trailers);
    }

    void refuse(String why) {
      close(Status.PERMISSION_DENIED.withDescription(why), new Metadata());
    }

    private void record(Status status) {
      if (access == null || (status.isOk() ? !AUDITED.contains(method) : !STATEMENTS.contains(method))) {
        return;
      }
      List<String> tables = session == null ? List.of() : AnalystGuardExtension.takeTablesRead(session);
      if (!status.isOk()) {
        tables = List.of(); // a refused or failed statement read nothing it sent back
      }
      String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
      String outcome = status.isOk() ? "allowed" : AnalystAudit.outcomeOf(description);
      String reason = status.isOk() ? null : description.lines().findFirst().orElse(description);
      settings.audit().record(new AnalystAudit.Entry(Instant.now(), access, sessionId,
          statement == null ? "(" + method + " request)" : statement, tables, status.isOk() ? rows : null, outcome,
          reason));
    }
  }

  /** The listener of one call: checks each request before the handler sees it. */
  static final class Gate<Q, R> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final Audited<Q, R> call;
    private final Settings settings;
    private final Credentials.Credential credential;
    private final String origin;
    private final String method;

    Gate(ServerCall.Listener<Q> delegate, Audited<Q, R> call, Settings settings, Credentials.Credential credential,
        String origin, String method) {
      super(delegate);
      this.call = call;
      this.settings = settings;
      this.credential = credential;
      this.origin = origin;
      this.method = method;
    }

    @Override
    public void onMessage(Q message) {
      if (call.closed) {
        return;
      }
      String refusal = inspect(message);
      if (refusal != null) {
        call.refuse(refusal);
        return;
      }
      super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      if (!call.closed) {
        super.onHalfClose();
      }
    }

    /** Why the request is refused, or null; marks the client's session with its access. */
    private String inspect(Q message) {
      if (!(message instanceof Message m)) {
        return null;
      }
      String userId = userId(m);
      String sessionId = stringField(m, "session_id");
      String user = credential != null ? credential.user() : (userId == null || userId.isBlank() ? "unknown" : userId)
          + " (unverified)";
      String role = credential != null ? credential.role() : AnalystAccess.ANALYST;
      if (call.access == null) {
        AnalystAccess base = settings.access().apply(role);
        call.access = new AnalystAccess(base.role(), user, origin, base.reads(), base.writable());
        call.sessionId = sessionId;
      }
      call.statement = statementOf(m);
      if (credential != null && userId != null && !userId.equals(credential.user())) {
        return "refused: the request's user (" + userId + ") is not the credential's (" + credential.user() + ")";
      }
      if (message instanceof AddArtifactsRequest) {
        return Errors.readOnly("upload an artifact (jars, classes or files): clients run no code of their own in the "
            + "server", settings.writable()).getMessage();
      }
      if (message instanceof ConfigRequest c) {
        String key = guardedKey(c);
        if (key != null) {
          return Errors.readOnly("change " + key + " (the session's restrictions are not settings)", settings.writable())
              .getMessage();
        }
      }
      String code = codeIn(m, 0);
      if (code != null) {
        return Errors.readOnly("run the client's own code (" + code.replace("spark.connect.", "")
            + "): clients run no code of their own in the server", settings.writable()).getMessage();
      }
      if (sessionId != null && !sessionId.isBlank() && userId != null
          && (message instanceof ExecutePlanRequest || message instanceof ConfigRequest
              || message instanceof org.apache.spark.connect.proto.AnalyzePlanRequest
              || message instanceof ReattachExecuteRequest)) {
        try {
          SparkSession session = SparkConnectService.getOrCreateIsolatedSession(userId, sessionId,
              scala.Option.empty()).session();
          AnalystGuardExtension.mark(session, call.access);
          AnalystGuardExtension.takeTablesRead(session); // what earlier requests (schema lookups) named is not this one's
          call.session = session;
        } catch (RuntimeException e) {
          // a closed or invalid session: Spark's handler answers the client; an unmarked session reads nothing
        }
      }
      return null;
    }
  }

  /** The first key of a config set or unset that the analyst may not change, or null. */
  static String guardedKey(ConfigRequest c) {
    if (!c.hasOperation()) {
      return null;
    }
    List<String> keys = new java.util.ArrayList<>();
    if (c.getOperation().hasSet()) {
      c.getOperation().getSet().getPairsList().forEach(kv -> keys.add(kv.getKey()));
    }
    if (c.getOperation().hasUnset()) {
      keys.addAll(c.getOperation().getUnset().getKeysList());
    }
    for (String k : keys) {
      String l = k.trim().toLowerCase(java.util.Locale.ROOT);
      if (l.startsWith("spark.borderwatch.") || l.equals("spark.sql.runsqlonfiles") || l.startsWith("spark.connect.")) {
        return k;
      }
    }
    return null;
  }

  /** The full name of the first message inside {@code m} that carries the client's own code, or null. */
  static String codeIn(Message m, int depth) {
    String name = m.getDescriptorForType().getFullName();
    if (CODE_MESSAGES.contains(name)) {
      return name;
    }
    if (depth > 2_000) {
      return "a plan nested too deep";
    }
    for (Map.Entry<Descriptors.FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      if (e.getKey().getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (e.getValue() instanceof List<?> list) {
        for (Object o : list) {
          String found = o instanceof Message inner ? codeIn(inner, depth + 1) : null;
          if (found != null) {
            return found;
          }
        }
      } else if (e.getValue() instanceof Message inner) {
        String found = codeIn(inner, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The SQL text a request carries (the first SQL relation or command), else the request's plan as text. */
  static String statementOf(Message m) {
    if (m instanceof ExecutePlanRequest r) {
      String sql = sqlIn(r.getPlan(), 0);
      return sql != null ? sql : org.sparkproject.connect.protobuf.TextFormat.shortDebugString(r.getPlan());
    }
    if (m instanceof ReattachExecuteRequest r) {
      return "(reattach to operation " + r.getOperationId() + ")";
    }
    if (m instanceof ConfigRequest c) {
      return "(config " + org.sparkproject.connect.protobuf.TextFormat.shortDebugString(c.getOperation()) + ")";
    }
    if (m instanceof AddArtifactsRequest) {
      return "(add artifacts)";
    }
    return null;
  }

  private static String sqlIn(Message m, int depth) {
    String name = m.getDescriptorForType().getFullName();
    if (name.equals("spark.connect.SQL")) {
      return ((org.apache.spark.connect.proto.SQL) m).getQuery();
    }
    if (name.equals("spark.connect.SqlCommand") && !((org.apache.spark.connect.proto.SqlCommand) m).getSql().isEmpty()) {
      return ((org.apache.spark.connect.proto.SqlCommand) m).getSql();
    }
    if (depth > 200) {
      return null;
    }
    for (Map.Entry<Descriptors.FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      if (e.getValue() instanceof Message inner) {
        String found = sqlIn(inner, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String userId(Message m) {
    Descriptors.FieldDescriptor f = m.getDescriptorForType().findFieldByName("user_context");
    if (f == null || !m.hasField(f)) {
      return null;
    }
    return stringField((Message) m.getField(f), "user_id");
  }

  private static String stringField(Message m, String name) {
    Descriptors.FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
    return f == null || f.getJavaType() != Descriptors.FieldDescriptor.JavaType.STRING ? null : (String) m.getField(f);
  }
}
