// A render error shows a recoverable view instead of a blank window: try the view again, or reload.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from '../components/ErrorPanel';

interface Props {
  children: ReactNode;
  /** What failed, for the title ("This view", "PromptPM"). */
  area: string;
}

export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.area} failed to render`, error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="boundary">
        <ErrorPanel error={this.state.error} title={`${this.props.area} stopped working`}>
          <button type="button" className="primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" onClick={() => window.location.reload()}>
            Reload window
          </button>
        </ErrorPanel>
      </div>
    );
  }
}
