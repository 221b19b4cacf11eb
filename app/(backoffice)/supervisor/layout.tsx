import './_components/supervision.css';

export default function SupervisorLayout({ children }: { children: React.ReactNode }) {
  return children;
}
