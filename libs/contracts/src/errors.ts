/** The one error shape every API failure answers with. */
export interface ApiError {
  statusCode: number;
  error: string;
  /** A sentence for most errors; one message per invalid field for a 400. */
  message: string | string[];
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}
