import '../supervisor/_components/supervision.css';

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return children;
}
